import { Text, View } from "@tarojs/components"
import { formatDateTime } from "@health/core"
import { Price } from "../../../components/price"
import { StateView } from "../../../components/state-view"
import { useMemberLoad } from "../../../lib/use-member-load"
import { member } from "../../../lib/clients"

const PAYMENT_LABEL: Record<string, string> = {
  captured: "已支付",
  authorized: "已支付",
  not_paid: "待支付",
  awaiting: "待支付",
  refunded: "已退款",
  partially_refunded: "部分退款",
  canceled: "已取消",
}

export default function Orders() {
  const { result, reload } = useMemberLoad((token) => member.listOrders(token, 20))
  return (
    <View className="page" data-testid="orders">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(data) => data.orders.length === 0}
        empty={<Text>暂无订单</Text>}
      >
        {(data) =>
          data.orders.map((order) => (
            <View key={order.id} className="section" data-testid="order">
              <View className="row">
                <Text className="section__title">订单 #{order.display_id}</Text>
                <Text className="muted">
                  {order.status === "canceled"
                    ? "已取消"
                    : (PAYMENT_LABEL[order.payment_status] ?? order.payment_status)}
                </Text>
              </View>
              {order.items.map((item) => (
                <Text key={item.id} className="muted">
                  {item.product_title ?? item.title} × {item.quantity}
                </Text>
              ))}
              <View className="row">
                <Text className="muted">{formatDateTime(order.created_at)}</Text>
                <Price amount={order.total} />
              </View>
            </View>
          ))
        }
      </StateView>
    </View>
  )
}
