import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Button, Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { FinanceBreakdown } from "../../components/finance/finance-breakdown"
import { FinanceEntriesDrawer } from "../../components/finance/finance-entries-drawer"
import { FinanceFilters, NO_FILTERS } from "../../components/finance/finance-filters"
import { thisMonth } from "../../components/finance/finance-format"
import { FINANCE_MESSAGES as M, GROUP_TEXT } from "../../components/finance/finance-messages"
import { FinanceTotals } from "../../components/finance/finance-totals"
import {
  financeSearch,
  type FinanceFigure,
  type FinanceGroupBy,
  type FinanceSummary,
} from "../../components/finance/finance-types"
import { PeriodPicker } from "../../components/finance/period-picker"
import { adminRequest, errorText } from "../../lib/admin-request"

const GROUPS = Object.keys(GROUP_TEXT) as FinanceGroupBy[]

/** Members a page of the member breakdown lists (there can be a hundred thousand). */
const MEMBER_PAGE = 50

/** 财务统计: a period's money with the period before, breakdowns, drill-down and the workbook. */
const FinancePage = () => {
  const [period, setPeriod] = useState(thisMonth)
  const [filters, setFilters] = useState(NO_FILTERS)
  const [groupBy, setGroupBy] = useState<FinanceGroupBy>("day")
  const [summary, setSummary] = useState<FinanceSummary>()
  const [error, setError] = useState<string>()
  const [drill, setDrill] = useState<FinanceFigure | null>(null)
  const [memberPage, setMemberPage] = useState(0)
  const search = useMemo(() => financeSearch({ ...period, ...filters }), [period, filters])
  // Another period or filter starts the member breakdown from its first page.
  useEffect(() => setMemberPage(0), [search])
  const paging =
    groupBy === "member" ? `&limit=${MEMBER_PAGE}&offset=${memberPage * MEMBER_PAGE}` : ""

  useEffect(() => {
    let current = true
    setError(undefined)
    // Product, category and member ids are typed: wait for a pause before asking.
    const timer = setTimeout(() => {
      adminRequest<FinanceSummary>(`/admin/finance/summary?${search}&group_by=${groupBy}${paging}`)
        .then((answer) => current && setSummary(answer))
        .catch((e) => current && setError(errorText(e)))
    }, 300)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [search, groupBy, paging])

  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Heading level="h1">{M.financeTitle}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {M.financeIntro}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <a href={`/admin/finance/export?${search}`} download>
            {M.download}
          </a>
        </Button>
      </div>
      <PeriodPicker value={period} onChange={setPeriod} />
      <FinanceFilters value={filters} onChange={setFilters} />
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {!summary && !error && <Text className="text-ui-fg-subtle">{M.loading}</Text>}
      {summary && (
        <>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {M.previous(summary.previous.from, summary.previous.to)}
          </Text>
          <FinanceTotals summary={summary} onDrill={setDrill} />
          <Heading level="h2">{M.breakdown}</Heading>
          <Tabs value={groupBy} onValueChange={(value) => setGroupBy(value as FinanceGroupBy)}>
            <Tabs.List>
              {GROUPS.map((group) => (
                <Tabs.Trigger key={group} value={group}>
                  {GROUP_TEXT[group]}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs>
          <FinanceBreakdown summary={summary} onPageChange={setMemberPage} />
        </>
      )}
      <FinanceEntriesDrawer figure={drill} search={search} onClose={() => setDrill(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "财务统计", icon: ChartBar })

export default FinancePage
