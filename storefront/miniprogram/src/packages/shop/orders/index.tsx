import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  formatCNY,
  formatDateTime,
  ORDER_TABS,
  ORDER_USAGE_TABS,
  orderListFilter,
  type MemberBusinessOrder,
  type OrderBusinessView,
  type OrderTab,
  type OrderUsageTab,
} from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { WechatKfButton } from "../../../components/wechat-kf-button"
import { explainError } from "../../../lib/explain-error"
import { useMemberLoad } from "../../../lib/use-member-load"
import { orders } from "../../../lib/clients"
import { session } from "../../../lib/session"
import { OrderTestMethodsSection } from "./test-method-editor"

/**
 * 我的订单: status and 未使用/已使用 tabs, and 修改地址 / 修改检测方式 / 取消订单 until the
 * kit ships.
 */
export default function Orders() {
  const [tab, setTab] = useState<OrderTab>("all")
  const [usage, setUsage] = useState<OrderUsageTab>("all")
  const { result, reload } = useMemberLoad(
    (token) => orders.list(token, { ...orderListFilter(tab, usage), limit: 20 }),
    [tab, usage]
  )
  return (
    <View className="page" data-testid="orders">
      <View className="tabs" data-testid="order-tabs">
        {ORDER_TABS.map(({ id, label }) => (
          <Text
            key={id}
            className={tab === id ? "tab tab--active" : "tab"}
            onClick={() => setTab(id)}
          >
            {label}
          </Text>
        ))}
      </View>
      <View className="tabs" data-testid="usage-tabs">
        {ORDER_USAGE_TABS.map(({ id, label }) => (
          <Text
            key={id}
            className={usage === id ? "tab tab--active" : "tab"}
            onClick={() => setUsage(id)}
          >
            {id === "all" ? "全部检测盒" : label}
          </Text>
        ))}
      </View>
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(data) => data.orders.length === 0}
        empty={<Text>{tab === "all" && usage === "all" ? "暂无订单" : "没有符合条件的订单"}</Text>}
      >
        {(data) =>
          data.orders.map((order) => <OrderCard key={order.id} order={order} onChange={reload} />)
        }
      </StateView>
    </View>
  )
}

/** One order; tapped, it loads what the member may still do with it (and why not). */
function OrderCard({ order, onChange }: { order: OrderBusinessView; onChange: () => void }) {
  const [detail, setDetail] = useState<MemberBusinessOrder | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const token = session.token()

  async function open() {
    if (!token || detail) return
    try {
      setDetail(await orders.get(token, order.id))
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  async function cancel() {
    if (!token) return
    const paid = order.business_state === "paid"
    const { confirm } = await Taro.showModal({
      title: "取消订单",
      content: paid ? "确定取消订单吗？已支付的金额将原路退回。" : "确定取消订单吗？",
    })
    if (!confirm) return
    try {
      await orders.cancel(token, order.id)
      Taro.showToast({ title: paid ? "订单已取消，款项将原路退回" : "订单已取消", icon: "none" })
      onChange()
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  async function changeAddress() {
    if (!token) return
    // The member's WeChat address list: nothing to type on a phone.
    const chosen = await Taro.chooseAddress().catch(() => null)
    if (!chosen) return
    const { confirm } = await Taro.showModal({
      title: "修改收货地址",
      content: `检测盒将寄往：${chosen.provinceName}${chosen.cityName}${chosen.countyName}${chosen.detailInfo}`,
    })
    if (!confirm) return
    try {
      await orders.changeShippingAddress(token, order.id, {
        name: chosen.userName,
        phone: chosen.telNumber,
        province: chosen.provinceName,
        city: chosen.cityName,
        district: chosen.countyName,
        street: chosen.detailInfo,
      })
      Taro.showToast({ title: "收货地址已修改", icon: "none" })
      setProblem(null)
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  const closed = order.business_state === "canceled" || order.business_state === "completed"
  return (
    <View className="section" data-testid="order" onClick={open}>
      <View className="row">
        <Text className="section__title">订单 #{order.display_id}</Text>
        <Text className="muted" data-testid="order-state">
          {order.business_state_label}
          {order.usage_label && order.business_state !== "canceled"
            ? ` · ${order.usage_label}`
            : ""}
        </Text>
      </View>
      {order.items.map((item, index) => (
        <Text key={index} className="muted">
          {item.title} × {item.quantity}
        </Text>
      ))}
      <View className="row">
        <Text className="muted">{formatDateTime(order.created_at)}</Text>
        <Text className="price">{formatCNY(order.total_fen / 100)}</Text>
      </View>
      <WechatKfButton page={{ kind: "order", id: order.id, displayId: order.display_id }} />
      {!closed && !detail && !problem && <Text className="muted">点击查看可办理的操作</Text>}
      {detail && !closed && (
        <View data-testid="order-actions">
          {detail.edit.allowed ? (
            <Button size="mini" onClick={changeAddress}>
              修改收货地址
            </Button>
          ) : (
            <Text className="muted" data-testid="order-edit-reason">
              {detail.edit.reason}
            </Text>
          )}
          {token && <OrderTestMethodsSection token={token} orderId={order.id} />}
          {detail.cancellation.allowed && (
            <Button size="mini" onClick={cancel}>
              取消订单
            </Button>
          )}
        </View>
      )}
      {problem && (
        <Text className="form-error" data-testid="order-problem">
          {problem}
        </Text>
      )}
    </View>
  )
}
