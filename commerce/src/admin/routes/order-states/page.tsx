import {
  ORDER_BUSINESS_STATES,
  ORDER_BUSINESS_STATE_LABELS,
  ORDER_PAYMENT_STATUSES,
  ORDER_PAYMENT_STATUS_LABELS,
  ORDER_USAGE_LABELS,
  ORDER_USAGE_STATES,
  type OrderBusinessState,
  type OrderBusinessView,
  type OrderPaymentStatus,
  type OrderUsageState,
} from "@health/contracts"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Receipt } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { AdminPagination } from "../../components/shared/admin-pagination"
import { adminRequest } from "../../lib/admin-request"

const PAGE_SIZE = 20

const selectClass =
  "bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2 text-ui-fg-base"

const STATE_COLORS: Record<
  OrderBusinessView["business_state"],
  "orange" | "green" | "blue" | "grey"
> = { unpaid: "orange", paid: "blue", completed: "green", canceled: "grey" }

const PAYMENT_COLORS: Record<OrderPaymentStatus, "orange" | "green" | "red" | "grey"> = {
  captured: "green",
  authorized: "orange",
  not_paid: "red",
  canceled: "grey",
}

/** ¥ from integer fen, without floats. */
const yuan = (fen: number) =>
  `¥${Math.trunc(fen / 100).toLocaleString("zh-CN")}.${String(Math.abs(fen) % 100).padStart(2, "0")}`

const beijingTime = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })

/**
 * 订单状态: orders by the states the business works in (待付款, 已付款, 已完成, 未完成,
 * 已取消), 已使用/未使用, and whether finance has the money (offline orders included).
 */
const OrderStatesPage = () => {
  const [state, setState] = useState<OrderBusinessState | "">("open")
  const [usage, setUsage] = useState<OrderUsageState | "">("")
  const [payment, setPayment] = useState<OrderPaymentStatus | "">("")
  const [displayId, setDisplayId] = useState("")
  const [page, setPage] = useState(0)
  const [list, setList] = useState<{ orders: OrderBusinessView[]; count: number }>()
  const [error, setError] = useState<string>()

  const load = useCallback(async () => {
    const query = new URLSearchParams({
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    })
    if (state) query.set("state", state)
    if (usage) query.set("usage", usage)
    if (payment) query.set("payment_status", payment)
    if (/^\d+$/.test(displayId.trim())) query.set("display_id", displayId.trim())
    try {
      setList(await adminRequest(`/admin/orders/business?${query}`))
      setError(undefined)
    } catch (failure) {
      setError((failure as Error).message)
    }
  }, [state, usage, payment, displayId, page])
  useEffect(() => void load(), [load])

  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setPage(0)
    }

  return (
    <div className="flex flex-col gap-y-4">
      <Container className="flex flex-col gap-y-3 p-6">
        <div>
          <Heading level="h1">订单状态</Heading>
          <Text className="text-ui-fg-subtle">
            按业务状态处理订单：未完成包括待付款和已付款；已使用表示样本已到实验室。线下付款的订单在财务确认收款前显示“待确认收款”。
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="order-state">订单状态</Label>
            <select
              id="order-state"
              className={selectClass}
              value={state}
              onChange={(event) => filter(setState)(event.target.value as OrderBusinessState | "")}
            >
              <option value="">全部</option>
              {ORDER_BUSINESS_STATES.map((code) => (
                <option key={code} value={code}>
                  {ORDER_BUSINESS_STATE_LABELS[code]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="order-usage">使用状态</Label>
            <select
              id="order-usage"
              className={selectClass}
              value={usage}
              onChange={(event) => filter(setUsage)(event.target.value as OrderUsageState | "")}
            >
              <option value="">全部</option>
              {ORDER_USAGE_STATES.map((code) => (
                <option key={code} value={code}>
                  {ORDER_USAGE_LABELS[code]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="order-payment">付款状态</Label>
            <select
              id="order-payment"
              className={selectClass}
              value={payment}
              onChange={(event) =>
                filter(setPayment)(event.target.value as OrderPaymentStatus | "")
              }
            >
              <option value="">全部</option>
              {ORDER_PAYMENT_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {ORDER_PAYMENT_STATUS_LABELS[code]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="order-display-id">订单号</Label>
            <Input
              id="order-display-id"
              inputMode="numeric"
              placeholder="如 1024"
              value={displayId}
              onChange={(event) => filter(setDisplayId)(event.target.value)}
            />
          </div>
        </div>
        {error && <Text className="text-ui-fg-error">{error}</Text>}
      </Container>
      <Container className="p-0">
        {list && list.orders.length === 0 ? (
          <Text className="text-ui-fg-subtle p-6">没有符合条件的订单。</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>订单号</Table.HeaderCell>
                <Table.HeaderCell>下单时间</Table.HeaderCell>
                <Table.HeaderCell>会员</Table.HeaderCell>
                <Table.HeaderCell>商品</Table.HeaderCell>
                <Table.HeaderCell>金额</Table.HeaderCell>
                <Table.HeaderCell>订单状态</Table.HeaderCell>
                <Table.HeaderCell>付款状态</Table.HeaderCell>
                <Table.HeaderCell>使用状态</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(list?.orders ?? []).map((order) => (
                <Table.Row key={order.id}>
                  <Table.Cell>
                    <a className="text-ui-fg-interactive" href={`/app/orders/${order.id}`}>
                      #{order.display_id}
                    </a>
                  </Table.Cell>
                  <Table.Cell>{beijingTime(order.created_at)}</Table.Cell>
                  <Table.Cell>{order.email ?? "—"}</Table.Cell>
                  <Table.Cell>
                    {order.items.map((item) => `${item.title} × ${item.quantity}`).join("、")}
                  </Table.Cell>
                  <Table.Cell>{yuan(order.total_fen)}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={STATE_COLORS[order.business_state]}>
                      {order.business_state_label}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={PAYMENT_COLORS[order.payment_status]}>
                      {order.payment_offline ? "线下 · " : ""}
                      {order.payment_status_label}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>
                    {order.usage_label
                      ? `${order.usage_label}（${order.used_kit_count}/${order.kit_count}）`
                      : "—"}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {list && list.count > PAGE_SIZE && (
          <AdminPagination
            count={list.count}
            pageSize={PAGE_SIZE}
            page={page}
            onPageChange={setPage}
          />
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "订单状态", icon: Receipt })

export default OrderStatesPage
