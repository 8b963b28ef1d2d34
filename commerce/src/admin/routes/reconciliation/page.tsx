import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentSeries } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Tabs, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DifferencesDrawer } from "../../components/reconciliation/differences-drawer"
import { OfflineReceipts } from "../../components/reconciliation/offline-receipts"
import { RECONCILIATION_MESSAGES as M } from "../../components/reconciliation/reconciliation-messages"
import type { ReconciliationRun } from "../../components/reconciliation/reconciliation-types"
import { RunList } from "../../components/reconciliation/run-list"
import { beijingToday } from "../../components/finance/finance-format"
import { AdminPagination } from "../../components/shared/admin-pagination"
import { adminRequest, errorText } from "../../lib/admin-request"

const PAGE_SIZE = 20

const yesterday = () => {
  const today = beijingToday()
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

/** 对账: WeChat Pay's daily bills against our payments and refunds, and offline bank references. */
const ReconciliationPage = () => {
  const [billDate, setBillDate] = useState(yesterday)
  const [page, setPage] = useState(0)
  const [data, setData] = useState<{ runs: ReconciliationRun[]; count: number }>()
  const [open, setOpen] = useState<ReconciliationRun | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string>()
  const [reload, setReload] = useState(0)

  useEffect(() => {
    let current = true
    const query = new URLSearchParams({
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    })
    adminRequest<{ runs: ReconciliationRun[]; count: number }>(
      `/admin/finance/reconciliation/runs?${query}`
    )
      .then((answer) => current && setData(answer))
      .catch((e) => current && setError(errorText(e)))
    return () => {
      current = false
    }
  }, [page, reload])

  const runNow = async () => {
    setRunning(true)
    setError(undefined)
    try {
      const { run } = await adminRequest<{ run: ReconciliationRun }>(
        "/admin/finance/reconciliation/runs",
        { method: "POST", body: { bill_date: billDate } }
      )
      setPage(0)
      setReload((n) => n + 1)
      if (run.status === "completed" && run.difference_count > 0) setOpen(run)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setRunning(false)
    }
  }

  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <div>
        <Heading level="h1">{M.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {M.intro}
        </Text>
      </div>
      <Tabs defaultValue="bills">
        <Tabs.List>
          <Tabs.Trigger value="bills">{M.billTab}</Tabs.Trigger>
          <Tabs.Trigger value="offline">{M.offlineTab}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="bills" className="flex flex-col gap-y-4 pt-4">
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <Label size="xsmall">{M.billDate}</Label>
              <Input
                type="date"
                size="small"
                value={billDate}
                max={beijingToday()}
                onChange={(event) => event.target.value && setBillDate(event.target.value)}
              />
            </div>
            <Button size="small" onClick={runNow} isLoading={running}>
              {M.runNow}
            </Button>
            {running && (
              <Text size="small" className="text-ui-fg-subtle">
                {M.running}
              </Text>
            )}
          </div>
          {error && <Text className="text-ui-fg-error">{error}</Text>}
          <RunList runs={data?.runs ?? []} loading={!data} onOpen={setOpen} />
          {data && data.count > PAGE_SIZE && (
            <AdminPagination
              count={data.count}
              pageSize={PAGE_SIZE}
              page={page}
              onPageChange={setPage}
            />
          )}
        </Tabs.Content>
        <Tabs.Content value="offline" className="pt-4">
          <OfflineReceipts />
        </Tabs.Content>
      </Tabs>
      <DifferencesDrawer run={open} onClose={() => setOpen(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "对账", icon: DocumentSeries })

export default ReconciliationPage
