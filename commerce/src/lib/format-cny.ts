import { BigNumber } from "@medusajs/framework/utils"

const formatter = new Intl.NumberFormat("zh-CN", {
  style: "currency",
  currency: "CNY",
  minimumFractionDigits: 2,
})

/** Formats a Medusa amount (major units: 1299 means ¥1,299.00) for people. */
export function formatCny(
  amount: number | string | BigNumber | { value: string } | null | undefined
): string {
  if (amount === null || amount === undefined) {
    return formatter.format(0)
  }
  const numeric =
    typeof amount === "object" ? new BigNumber(amount as never).numeric : Number(amount)
  return formatter.format(numeric)
}
