import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentSeries } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Tabs, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DifferencesDrawer } from "../../components/reconciliation/differences-drawer"
import { OfflineReceipts } from "../../components/reconciliation/offline-receipts"
import {
  PROVIDER_NAME,
  RECONCILIATION_MESSAGES as M,
} from "../../components/reconciliation/reconciliation-messages"
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

/** Any provider: the filter's value for "all" (Select needs a non-empty value). */
const ALL = "all"

/**
 * 对账: the daily bills of WeChat Pay, Alipay and UnionPay against our payments and refunds,
 * one run per provider and day, and offline bank references.
 */
const ReconciliationPage = () => {
  const [billDate, setBillDate] = useState(yesterday)
  const [provider, setProvider] = useState(ALL)
  const [notice, setNotice] = useState<string>()
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
      ...(provider !== ALL && { provider_id: provider }),
    })
    adminRequest<{ runs: ReconciliationRun[]; count: number }>(
      `/admin/finance/reconciliation/runs?${query}`
    )
      .then((answer) => current && setData(answer))
      .catch((e) => current && setError(errorText(e)))
    return () => {
      current = false
    }
  }, [page, reload, provider])

  const runNow = async () => {
    setRunning(true)
    setError(undefined)
    setNotice(undefined)
    try {
      const { runs, skipped } = await adminRequest<{
        runs: ReconciliationRun[]
        skipped: { provider_id: string; reason: string }[]
      }>("/admin/finance/reconciliation/runs", {
        method: "POST",
        body: { bill_date: billDate, ...(provider !== ALL && { provider_id: provider }) },
      })
      setPage(0)
      setReload((n) => n + 1)
      if (skipped.length) setNotice(M.skipped(skipped.map((s) => s.reason).join("；")))
      const withDifferences = runs.filter((r) => r.status === "completed" && r.difference_count)
      if (withDifferences.length === 1) setOpen(withDifferences[0])
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
            <div className="flex flex-col gap-1">
              <Label size="xsmall">{M.provider}</Label>
              <Select
                size="small"
                value={provider}
                onValueChange={(value) => {
                  setProvider(value)
                  setPage(0)
                }}
              >
                <Select.Trigger>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ALL}>{M.allProviders}</Select.Item>
                  {Object.entries(PROVIDER_NAME).map(([id, name]) => (
                    <Select.Item key={id} value={id}>
                      {name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
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
          {notice && (
            <Text size="small" className="text-ui-fg-subtle">
              {notice}
            </Text>
          )}
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
