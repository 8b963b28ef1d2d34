import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { resolveWechatpayConfig, type WechatpayConfig } from "../../../../lib/config"
import { readTransferNotification, TRANSFER_FINISHED_EVENT } from "../../../../lib/transfer-bills"

let settings: WechatpayConfig | undefined

/**
 * MCHTRANSFER.BILL.FINISHED callbacks: verified and decrypted here, handed on as an
 * event, answered 204 at once. WeChat retries for a day, so the handler must be (and
 * the affiliate settlement is) idempotent; a forged or stale callback gets 401.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  settings ??= resolveWechatpayConfig()
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = raw === undefined ? "" : typeof raw === "string" ? raw : raw.toString("utf8")
  const bill = readTransferNotification(settings, req.headers as Record<string, unknown>, body)
  if (!bill) {
    res.status(401).json({ code: "FAIL", message: "签名验证失败或不是商家转账通知" })
    return
  }
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: TRANSFER_FINISHED_EVENT, data: bill })
  res.status(204).end()
}
