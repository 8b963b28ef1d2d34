import { MagnifyingGlass } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  Input,
  StatusBadge,
  Table,
  Tabs,
  Text,
  clx,
} from "@medusajs/ui"
import { useCallback, useEffect, useRef, useState } from "react"
import { KIT_STATUSES, KIT_STATUS_LABELS, type KitStatus } from "@health/contracts"
import { adminRequest, errorText, isForbidden } from "../../lib/admin-request"
import { formatShanghaiTime } from "./format-shanghai-time"
import { KitActionDialog, type KitDialogKind } from "./kit-action-dialog"
import { KitDetailDrawer } from "./kit-detail-drawer"
import { KitRowActions, type KitStep } from "./kit-row-actions"
import { KitStatusBadge } from "./kit-status-badge"
import { AdminPagination } from "../shared/admin-pagination"
import { AWAITING_OFFLINE_PAYMENT, COLLECTION_METHODS, KIT_ACTION_DONE } from "./lab-messages"
import type { AdminKit, KitList } from "./lab-types"

const PAGE_SIZE = 20

type Notice = { text: string; error?: boolean }

/**
 * 检测盒: status tabs, search by barcode or order number, pages of 20, and each kit's
 * next step. A 403 on any step hides the steps (the role can only read).
 */
export const KitTable = ({
  canWrite,
  onForbidden,
  reloadSignal,
}: {
  canWrite: boolean
  onForbidden: (message: string) => void
  /** Changes when something elsewhere (a finished report batch) moved kits on. */
  reloadSignal: number
}) => {
  const [status, setStatus] = useState<KitStatus | "all">("all")
  const [search, setSearch] = useState("")
  const [query, setQuery] = useState("")
  const [page, setPage] = useState(0)
  const [list, setList] = useState<KitList>()
  const [loading, setLoading] = useState(true)
  const [loadError, setLoadError] = useState<string>()
  const [notice, setNotice] = useState<Notice>()
  const [detailId, setDetailId] = useState<string>()
  const [dialog, setDialog] = useState<{ kit: AdminKit; kind: KitDialogKind }>()
  const [busy, setBusy] = useState<{ kitId: string; step: KitStep }>()
  const latest = useRef(0)

  // Typing settles before searching: every list read of health data is audited.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim())
      setPage(0)
    }, 400)
    return () => clearTimeout(timer)
  }, [search])

  const load = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    const params = new URLSearchParams({
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    })
    if (status !== "all") params.set("status", status)
    if (query) params.set("q", query)
    try {
      const next = await adminRequest<KitList>(`/admin/health-archive/kits?${params}`)
      if (ticket !== latest.current) return
      setList(next)
      setLoadError(undefined)
    } catch (error) {
      if (ticket !== latest.current) return
      setLoadError(errorText(error))
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [page, status, query])

  useEffect(() => void load(), [load, reloadSignal])

  const kits = list?.kits ?? []
  const detail = kits.find((kit) => kit.id === detailId) ?? null

  const advance = async (kit: AdminKit, step: KitStep, body: Record<string, string> = {}) => {
    try {
      const { kit: moved } = await adminRequest<{ kit: AdminKit }>(
        `/admin/health-archive/kits/${encodeURIComponent(kit.id)}/${step}`,
        { method: "POST", body }
      )
      setList(
        (current) =>
          current && {
            ...current,
            kits: current.kits.map((row) => (row.id === moved.id ? { ...row, ...moved } : row)),
          }
      )
      setNotice({
        text: `${KIT_ACTION_DONE[step]}：${moved.barcode ?? "—"}（订单 #${moved.order_display_id ?? "—"}）`,
      })
      return true
    } catch (error) {
      if (isForbidden(error)) onForbidden(errorText(error))
      throw error
    }
  }

  const runStep = async (kit: AdminKit, step: KitStep) => {
    if (step === "ship" || step === "reject") {
      setDialog({ kit, kind: step })
      return
    }
    setBusy({ kitId: kit.id, step })
    setNotice(undefined)
    try {
      await advance(kit, step)
    } catch (error) {
      setNotice({ text: errorText(error), error: true })
    } finally {
      setBusy(undefined)
    }
  }

  const filtered = status !== "all" || query !== ""
  const count = list?.count ?? 0

  const actionsFor = (kit: AdminKit) => (
    <KitRowActions
      kit={kit}
      canWrite={canWrite}
      busyStep={busy?.kitId === kit.id ? busy.step : null}
      onStep={(step) => void runStep(kit, step)}
    />
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <Heading>检测盒</Heading>
            <Text className="text-ui-fg-subtle">
              发货、接收样本、开始检测与退回；点击一行查看状态记录。时间均为北京时间。
            </Text>
          </div>
          <div className="w-full max-w-xs">
            <Input
              type="search"
              size="small"
              aria-label="搜索条码或订单号"
              placeholder="搜索条码或订单号"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
        </div>
        <Tabs
          value={status}
          onValueChange={(value) => {
            setStatus(value as KitStatus | "all")
            setPage(0)
          }}
        >
          <Tabs.List className="flex-wrap gap-y-1">
            <Tabs.Trigger value="all">全部</Tabs.Trigger>
            {KIT_STATUSES.map((value) => (
              <Tabs.Trigger key={value} value={value}>
                {KIT_STATUS_LABELS[value]}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs>
        {notice && (
          <Text
            size="small"
            role={notice.error ? "alert" : "status"}
            className={notice.error ? "text-ui-fg-error" : "text-ui-fg-interactive"}
          >
            {notice.text}
          </Text>
        )}
      </div>

      {loadError ? (
        <div className="flex flex-col items-start gap-y-2 px-6 py-6">
          <Text className="text-ui-fg-error" role="alert">
            {loadError}
          </Text>
          <Button size="small" variant="secondary" onClick={() => void load()}>
            重新加载
          </Button>
        </div>
      ) : !list ? (
        <Text className="text-ui-fg-subtle px-6 py-6">正在加载检测盒…</Text>
      ) : kits.length === 0 ? (
        <div className="flex flex-col items-center gap-y-2 px-6 py-10 text-center">
          <MagnifyingGlass className="text-ui-fg-muted" />
          <Text weight="plus">{filtered ? "没有符合条件的检测盒" : "还没有检测盒"}</Text>
          <Text size="small" className="text-ui-fg-subtle">
            {filtered
              ? "换个状态或检查条码、订单号后再试。"
              : "会员购买检测商品并付款后，每份检测会在这里生成一个检测盒。"}
          </Text>
          {filtered && (
            <Button
              size="small"
              variant="secondary"
              onClick={() => {
                setStatus("all")
                setSearch("")
                setQuery("")
                setPage(0)
              }}
            >
              清除筛选
            </Button>
          )}
        </div>
      ) : (
        <div className={clx("overflow-x-auto", { "opacity-60": loading })}>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>条码</Table.HeaderCell>
                <Table.HeaderCell>订单号</Table.HeaderCell>
                <Table.HeaderCell>检测项目</Table.HeaderCell>
                <Table.HeaderCell>受检人</Table.HeaderCell>
                <Table.HeaderCell>状态</Table.HeaderCell>
                <Table.HeaderCell>最近更新</Table.HeaderCell>
                <Table.HeaderCell className="text-right">操作</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {kits.map((kit) => {
                const last = kit.timeline[kit.timeline.length - 1]
                return (
                  <Table.Row
                    key={kit.id}
                    className="cursor-pointer"
                    onClick={() => setDetailId(kit.id)}
                  >
                    <Table.Cell>
                      <button
                        type="button"
                        className="text-ui-fg-base font-mono hover:underline"
                        onClick={(event) => {
                          event.stopPropagation()
                          setDetailId(kit.id)
                        }}
                      >
                        {kit.barcode ?? <span className="text-ui-fg-muted">未分配</span>}
                      </button>
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex flex-col items-start gap-y-1 py-2">
                        <span>#{kit.order_display_id ?? "—"}</span>
                        {kit.payment_offline && kit.payment_status === "authorized" && (
                          <StatusBadge color="orange" className="whitespace-nowrap">
                            {AWAITING_OFFLINE_PAYMENT}
                          </StatusBadge>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex flex-col py-2">
                        <span className="text-ui-fg-base">{kit.product_title}</span>
                        <span className="text-ui-fg-muted">
                          {COLLECTION_METHODS[kit.collection_method]}
                        </span>
                      </div>
                    </Table.Cell>
                    <Table.Cell>{kit.person?.name ?? "—"}</Table.Cell>
                    <Table.Cell>
                      <KitStatusBadge kit={kit} />
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap">
                      {formatShanghaiTime(last?.at ?? kit.created_at)}
                    </Table.Cell>
                    <Table.Cell>{actionsFor(kit)}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
          <AdminPagination count={count} pageSize={PAGE_SIZE} page={page} onPageChange={setPage} />
        </div>
      )}

      <KitDetailDrawer
        kit={detail}
        onClose={() => setDetailId(undefined)}
        actions={detail && actionsFor(detail)}
      />
      <KitActionDialog
        kit={dialog?.kit ?? null}
        kind={dialog?.kind ?? null}
        onClose={() => setDialog(undefined)}
        onSubmit={async (body) => {
          if (!dialog) return
          await advance(dialog.kit, dialog.kind, body)
          setDialog(undefined)
        }}
      />
    </Container>
  )
}
