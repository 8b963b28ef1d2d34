import { toFen } from "./money"

/**
 * An asynchronous notification's parameters: Alipay posts them form-encoded
 * (application/x-www-form-urlencoded, UTF-8); the signature covers the decoded values.
 */
export function notificationParameters(
  rawBody: Buffer | string | undefined,
  parsedBody: unknown
): Record<string, string> {
  if (rawBody !== undefined && rawBody.length > 0) {
    const text = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8")
    return Object.fromEntries(new URLSearchParams(text))
  }
  if (parsedBody && typeof parsedBody === "object" && !Array.isArray(parsedBody)) {
    return Object.fromEntries(
      Object.entries(parsedBody as Record<string, unknown>)
        .filter(([, value]) => typeof value === "string")
        .map(([key, value]) => [key, value as string])
    )
  }
  return {}
}

/** What a verified notification says about a trade. */
export type TradeNotification = {
  out_trade_no: string
  trade_no: string
  trade_status: string
  /** total_amount in fen. */
  total: number
  /** Set on notifications that report a refund, not a payment. */
  out_biz_no?: string
}

export function readTradeNotification(
  parameters: Record<string, string>
): TradeNotification | null {
  if (!parameters.out_trade_no || !parameters.trade_status || !parameters.total_amount) return null
  let total: number
  try {
    total = toFen(parameters.total_amount)
  } catch {
    return null
  }
  return {
    out_trade_no: parameters.out_trade_no,
    trade_no: parameters.trade_no ?? "",
    trade_status: parameters.trade_status,
    total,
    ...(parameters.out_biz_no ? { out_biz_no: parameters.out_biz_no } : {}),
  }
}
