import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  CommissionEntriesDrawer,
  type CommissionDrill,
} from "../../components/finance/commission-entries-drawer"
import type {
  CommissionAccount,
  CommissionAccountsPage,
  CommissionFigure,
  CommissionFigures,
} from "../../components/finance/commission-types"
import { formatFen, thisMonth } from "../../components/finance/finance-format"
import {
  COMMISSION_FIGURE_TEXT,
  FINANCE_MESSAGES as M,
} from "../../components/finance/finance-messages"
import { PeriodPicker } from "../../components/finance/period-picker"
import { AdminPagination } from "../../components/shared/admin-pagination"
import { RecordTable } from "../../components/shared/record-table"
import { adminRequest, errorText } from "../../lib/admin-request"

const PAGE_SIZE = 20
const DRILLABLE: CommissionFigure[] = ["accrued", "reversed", "matured", "withdrawn"]
const BALANCES: (keyof CommissionFigures)[] = ["opening_outstanding", "outstanding"]

/** 分销核算: per affiliate over a period, with the orders behind each figure and the statement. */
const CommissionsPage = () => {
  const [period, setPeriod] = useState(thisMonth)
  const [statementMonth, setStatementMonth] = useState(() => thisMonth().from.slice(0, 7))
  const [page, setPage] = useState(0)
  const [data, setData] = useState<CommissionAccountsPage>()
  const [error, setError] = useState<string>()
  const [drill, setDrill] = useState<CommissionDrill | null>(null)

  useEffect(() => setPage(0), [period])
  useEffect(() => {
    let current = true
    setError(undefined)
    const query = new URLSearchParams({
      ...period,
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    })
    adminRequest<CommissionAccountsPage>(`/admin/finance/commissions?${query}`)
      .then((answer) => current && setData(answer))
      .catch((e) => current && setError(errorText(e)))
    return () => {
      current = false
    }
  }, [period, page])

  const figureCell = (figure: CommissionFigure) => (row: CommissionAccount) => (
    <Button
      size="small"
      variant="transparent"
      className="tabular-nums"
      onClick={() => setDrill({ account: row, figure })}
    >
      {formatFen(row[figure])}
    </Button>
  )

  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <div>
        <Heading level="h1">{M.commissionsTitle}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {M.commissionsIntro}
        </Text>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PeriodPicker value={period} onChange={setPeriod} />
        <div className="flex flex-col gap-1">
          <Label size="xsmall">{M.statementMonth}</Label>
          <Input
            type="month"
            size="small"
            value={statementMonth}
            onChange={(event) => event.target.value && setStatementMonth(event.target.value)}
          />
        </div>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {data && (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          {[...DRILLABLE, ...BALANCES].map((figure) => (
            <div key={figure} className="shadow-elevation-card-rest rounded-lg p-3">
              <Text size="small" className="text-ui-fg-subtle">
                {COMMISSION_FIGURE_TEXT[figure]}
              </Text>
              <Text size="large" weight="plus" className="tabular-nums">
                {formatFen(data.totals[figure])}
              </Text>
            </div>
          ))}
        </div>
      )}
      <RecordTable
        rows={data?.accounts ?? []}
        rowKey={(row) => row.affiliate_id}
        empty={data ? M.noRows : M.loading}
        columns={[
          { header: M.affiliate, cell: (row) => `${row.code} · ${row.member}` },
          ...DRILLABLE.map((figure) => ({
            header: COMMISSION_FIGURE_TEXT[figure],
            cell: figureCell(figure),
            className: "text-right",
          })),
          ...BALANCES.map((figure) => ({
            header: COMMISSION_FIGURE_TEXT[figure],
            cell: (row: CommissionAccount) => formatFen(row[figure]),
            className: "text-right tabular-nums",
          })),
          {
            header: "",
            cell: (row) => {
              const statement = `/admin/finance/commissions/${row.affiliate_id}/statement?month=${statementMonth}`
              return (
                <div className="flex gap-2">
                  <Button size="small" variant="secondary" asChild>
                    <a href={statement} download>
                      {M.downloadStatement}
                    </a>
                  </Button>
                  <Button size="small" variant="secondary" asChild>
                    <a href={`${statement}&format=pdf`} download>
                      {M.downloadStatementPdf}
                    </a>
                  </Button>
                </div>
              )
            },
          },
        ]}
      />
      {data && data.count > PAGE_SIZE && (
        <AdminPagination
          count={data.count}
          pageSize={PAGE_SIZE}
          page={page}
          onPageChange={setPage}
        />
      )}
      <CommissionEntriesDrawer drill={drill} period={period} onClose={() => setDrill(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "分销核算", icon: ReceiptPercent })

export default CommissionsPage
