/**
 * How much of the member's balance to put on the cart, in yuan, from the checkout form.
 * More than the order costs is trimmed to the order total (shipping may have changed it);
 * the server still checks the balance.
 */
export function storeCreditToApply(
  use: boolean,
  typed: string,
  total: number
): { amount: number } | { problem: string } {
  if (!use) return { amount: 0 }
  const amount = Number(typed.trim())
  if (
    !typed.trim() ||
    !Number.isFinite(amount) ||
    amount <= 0 ||
    !/^\d+(\.\d{1,2})?$/.test(typed.trim())
  ) {
    return { problem: "请填写正确的抵扣金额（元，最多两位小数）" }
  }
  return { amount: Math.min(amount, total) }
}
