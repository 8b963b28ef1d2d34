import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { resolveWechatpayConfig, type WechatpayConfig } from "../../../../lib/config"
import { readRefundNotification, REFUND_NOTIFIED_EVENT } from "../../../../lib/refunds"

let settings: WechatpayConfig | undefined

/**
 * REFUND.SUCCESS / ABNORMAL / CLOSED callbacks: verified and decrypted here, handed on as
 * an event, answered 204 at once. WeChat retries for a day, so the handler is idempotent
 * (it records a status, it never moves money); a forged or stale callback gets 401.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  settings ??= resolveWechatpayConfig()
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = raw === undefined ? "" : typeof raw === "string" ? raw : raw.toString("utf8")
  const refund = readRefundNotification(settings, req.headers as Record<string, unknown>, body)
  if (!refund) {
    res.status(401).json({ code: "FAIL", message: "签名验证失败或不是退款通知" })
    return
  }
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: REFUND_NOTIFIED_EVENT, data: refund })
  res.status(204).end()
}
