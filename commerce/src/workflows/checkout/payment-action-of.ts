import { PAYMENT_ACTION_KEY, PAYMENT_PROVIDER_IDS, type PaymentAction } from "@health/contracts"
import { CHECKOUT_MESSAGES as M } from "./checkout-messages"

/** Offline orders not confirmed by finance expire after 72 hours (expire-unpaid-offline-orders). */
const OFFLINE_HOURS = 72

type SessionData = Record<string, unknown> & {
  code_url?: string
  h5_url?: string
  time_expire?: string
  request_payment?: Record<string, string>
}

/**
 * The shopper's next step from a payment session: what the provider wrote under
 * `payment_action`, or, from a WeChat Pay session written before providers did, the same
 * read off its code_url, h5_url or JSAPI parameters. The offline method's is ours.
 */
export function paymentActionOf(
  session: {
    provider_id: string
    data?: Record<string, unknown> | null
    created_at?: Date | string
  },
  now = new Date()
): PaymentAction | null {
  const data = (session.data ?? {}) as SessionData
  if (session.provider_id === PAYMENT_PROVIDER_IDS.offline) {
    const from = session.created_at ? new Date(session.created_at) : now
    return {
      kind: "offline",
      instructions: M.offlineInstructions,
      expires_at: new Date(from.getTime() + OFFLINE_HOURS * 3_600_000).toISOString(),
    }
  }
  const written = data[PAYMENT_ACTION_KEY] as PaymentAction | undefined
  if (written && typeof written === "object" && "kind" in written) return written
  const expires_at = data.time_expire ?? ""
  if (data.request_payment) {
    const p = data.request_payment
    return {
      kind: "jsapi",
      params: {
        appId: p.appId,
        timeStamp: p.timeStamp,
        nonceStr: p.nonceStr,
        package: p.package,
        signType: "RSA",
        paySign: p.paySign,
      },
      expires_at,
    }
  }
  if (data.code_url) return { kind: "qr_code", code_url: data.code_url, expires_at }
  if (data.h5_url) return { kind: "redirect", url: data.h5_url, expires_at }
  return null
}
