/**
 * Medusa amounts (number, numeric string or BigNumber-like, in yuan) ↔ integer fen ↔ the
 * yuan strings Alipay reads and writes ("12.34"). Converted digit by digit, never through
 * float multiplication, so ¥0.07 stays 7 fen.
 */
export function toFen(amount: unknown): number {
  const text = normalize(amount)
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) throw new Error(`invalid amount: ${text}`)
  const fraction = match[2] ?? ""
  if (/[1-9]/.test(fraction.slice(2))) throw new Error(`amount has more than 2 decimals: ${text}`)
  const fen = parseInt(match[1], 10) * 100 + parseInt((fraction + "00").slice(0, 2), 10)
  if (!Number.isSafeInteger(fen)) throw new Error(`amount too large: ${text}`)
  return fen
}

/** 1234 → "12.34"; Alipay's total_amount, refund_amount, etc. */
export function fenToYuanString(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`invalid fen: ${fen}`)
  const yuan = Math.floor(fen / 100)
  return `${yuan}.${String(fen % 100).padStart(2, "0")}`
}

/** Medusa's amount for a fen figure (what capture and webhook data carry). */
export function fenToYuanNumber(fen: number): number {
  return Number(fenToYuanString(fen))
}

function normalize(amount: unknown): string {
  if (typeof amount === "number") {
    if (!Number.isFinite(amount) || amount < 0) throw new Error(`invalid amount: ${amount}`)
    // toFixed(6) removes float noise such as 19.990000000000002 without rounding real cents.
    return amount.toFixed(6).replace(/\.?0+$/, "")
  }
  if (typeof amount === "string") return amount.trim()
  if (typeof amount === "bigint") return amount.toString()
  if (amount && typeof amount === "object") {
    const value =
      (amount as { value?: unknown; numeric?: unknown }).value ??
      (amount as { numeric?: unknown }).numeric
    if (value !== undefined) return normalize(typeof value === "number" ? value : String(value))
    return normalize(String(amount))
  }
  throw new Error(`invalid amount: ${String(amount)}`)
}
