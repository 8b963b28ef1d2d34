/**
 * Medusa amounts are in yuan (number, numeric string or BigNumber-like); UnionPay wants
 * integer fen. Converted digit by digit, never by multiplying a float.
 */
export function yuanToFen(amount: unknown): number {
  const text = normalize(amount)
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) throw new Error(`invalid amount: ${String(text)}`)
  const fraction = match[2] ?? ""
  if (/[1-9]/.test(fraction.slice(2))) throw new Error(`amount has more than 2 decimals: ${text}`)
  return parseInt(match[1], 10) * 100 + parseInt((fraction + "00").slice(0, 2), 10)
}

export function fenToYuan(fen: number): number {
  return fen / 100
}

function normalize(amount: unknown): string {
  if (typeof amount === "number") {
    if (!Number.isFinite(amount) || amount < 0) throw new Error(`invalid amount: ${amount}`)
    // toFixed(6) removes float noise such as 19.990000000000002 without rounding real cents.
    return amount.toFixed(6).replace(/\.?0+$/, "")
  }
  if (typeof amount === "string") return amount.trim()
  if (amount && typeof amount === "object") {
    const value =
      (amount as { value?: unknown; numeric?: unknown }).value ??
      (amount as { numeric?: unknown }).numeric
    if (value !== undefined) return normalize(typeof value === "number" ? value : String(value))
    return normalize(String(amount))
  }
  throw new Error(`invalid amount: ${String(amount)}`)
}
