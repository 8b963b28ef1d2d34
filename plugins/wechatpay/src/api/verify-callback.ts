import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveWechatpayConfig, type WechatpayConfig } from "../lib/config"
import { verifyWechatpaySignature } from "../lib/signature"

let settings: WechatpayConfig | undefined

/**
 * In front of Medusa's generic webhook route (which answers 200 to anything and works
 * later): a callback whose signature does not verify, or that is older than five
 * minutes, gets 401 and never reaches the payment module.
 */
export async function verifyWechatpayCallback(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  settings ??= resolveWechatpayConfig()
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = raw === undefined ? "" : typeof raw === "string" ? raw : raw.toString("utf8")
  const verdict = verifyWechatpaySignature(
    req.headers as Record<string, unknown>,
    body,
    settings.verificationKeys
  )
  if (!verdict.ok) {
    res.status(401).json({ code: "FAIL", message: `签名验证失败 (${verdict.reason})` })
    return
  }
  next()
}
