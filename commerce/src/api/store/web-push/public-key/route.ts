import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { webPushSettingsFromEnv } from "../../../../lib/web-push/vapid-settings"

/**
 * The VAPID public key browsers subscribe with (applicationServerKey), or null while web
 * push is not configured here: the storefront then shows 消息提醒 as unavailable.
 */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.json({ public_key: webPushSettingsFromEnv()?.publicKey ?? null })
}
