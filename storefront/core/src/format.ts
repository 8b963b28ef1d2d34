const cny = new Intl.NumberFormat("zh-CN", {
  style: "currency",
  currency: "CNY",
  minimumFractionDigits: 2,
})

/** Medusa amounts are in yuan (major units) and may arrive as numbers or strings. */
export function toFen(amount: number | string | null | undefined): number {
  if (amount === null || amount === undefined || amount === "") return 0
  const [whole, fraction = ""] = String(amount).trim().split(".")
  const negative = whole.startsWith("-")
  const fen = Math.abs(parseInt(whole, 10) || 0) * 100 + parseInt((fraction + "00").slice(0, 2), 10)
  return negative ? -fen : fen
}

/**
 * An amount a person typed in yuan ("12", "12.5", "¥1,299.00"), in fen; null when it is not a
 * number with at most two decimals. Read as text, so no float ever rounds it.
 */
export function parseYuanInput(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(
    text
      .trim()
      .replace(/^[¥￥]\s*/, "")
      .replace(/,/g, "")
  )
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"))
}

/** "¥1,299.00"; sums are done in integer fen, never by adding floats. */
export function formatCNY(amount: number | string | null | undefined): string {
  return cny.format(toFen(amount) / 100)
}

export function sumCNY(amounts: (number | string | null | undefined)[]): number {
  return amounts.reduce<number>((total, amount) => total + toFen(amount), 0) / 100
}

const shanghaiDate = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
})
const shanghaiParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
})

/** 2026年11月24日, in Asia/Shanghai whatever the server's zone. */
export function formatDate(iso: string | Date): string {
  return shanghaiDate.format(new Date(iso))
}

/** 2026-11-24 08:30, in Asia/Shanghai. */
export function formatDateTime(iso: string | Date): string {
  const parts = Object.fromEntries(
    shanghaiParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value])
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}
