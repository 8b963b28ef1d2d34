import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  MiniprogramCodeUnavailableError,
  referralMiniprogramCode,
} from "../../../../lib/affiliate/referral-miniprogram-code"

/**
 * The member's 小程序码 (PNG from WeChat) for the share poster: scanning it opens the
 * mini-program with `scene=ref=<share code>`. WeChat's refusals answer 502 in Chinese.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  let image
  try {
    image = await referralMiniprogramCode(req.scope, req.auth_context.actor_id)
  } catch (error) {
    if (!(error instanceof MiniprogramCodeUnavailableError)) throw error
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`miniprogram code for ${req.auth_context.actor_id}: errcode ${error.errcode ?? "none"}`)
    res.status(502).json({ type: "wechat_unavailable", message: error.message })
    return
  }
  res.setHeader("Content-Type", image.mime_type)
  res.setHeader("Content-Length", String(image.bytes.length))
  // The member's own code, which never changes: their device may keep it for a day.
  res.setHeader("Cache-Control", "private, max-age=86400")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.end(image.bytes)
}
