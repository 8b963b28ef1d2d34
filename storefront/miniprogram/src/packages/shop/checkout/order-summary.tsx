import { Text, View } from "@tarojs/components"
import { formatCNY, messages } from "@health/core"
import type { OrderFen } from "../../../lib/place-order"

const yuan = (fen: number) => formatCNY(fen / 100)

/** 商品合计, 运费, 余额抵扣 and 应付金额 of the order, before or after it is placed. */
export function OrderSummary({ fen, testId }: { fen: OrderFen; testId: string }) {
  return (
    <View data-testid={testId}>
      <View className="row">
        <Text>{messages.cart.subtotal}</Text>
        <Text data-testid="summary-subtotal">{yuan(fen.subtotal)}</Text>
      </View>
      <View className="row">
        <Text>运费</Text>
        <Text data-testid="summary-shipping">
          {fen.shipping === 0 ? "免运费" : yuan(fen.shipping)}
        </Text>
      </View>
      {fen.credit > 0 ? (
        <View className="row">
          <Text>余额抵扣</Text>
          <Text data-testid="summary-credit">-{yuan(fen.credit)}</Text>
        </View>
      ) : null}
      <View className="row">
        <Text>{messages.cart.total}</Text>
        <Text className="price" data-testid="summary-total">
          {yuan(fen.total)}
        </Text>
      </View>
    </View>
  )
}
