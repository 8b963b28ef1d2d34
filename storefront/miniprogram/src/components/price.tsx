import { Text } from "@tarojs/components"
import { formatCNY, type Money } from "@health/core"

/** ¥ amounts from Medusa's yuan values, formatted by core (sums in integer fen). */
export function Price({ amount, testId }: { amount: Money | null | undefined; testId?: string }) {
  return (
    <Text className="price" data-testid={testId}>
      {formatCNY(amount)}
    </Text>
  )
}
