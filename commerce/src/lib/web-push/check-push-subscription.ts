import { MedusaError } from "@medusajs/framework/utils"
import { isAllowedPushEndpoint } from "./push-endpoint"
import { webPushSettingsFromEnv } from "./vapid-settings"

export type PushSubscriptionInput = { endpoint: string; p256dh: string; auth: string }

const bytesOf = (value: string) =>
  /^[A-Za-z0-9_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64url") : Buffer.alloc(0)

/**
 * Refuses, in Chinese, a subscription the server could not or must not send to: web push
 * switched off here, an endpoint that is not a known push service, or keys that are not a
 * P-256 point (65 bytes, uncompressed) and a 16-byte secret as RFC 8291 requires.
 */
export function checkPushSubscription(
  input: PushSubscriptionInput,
  env: NodeJS.ProcessEnv = process.env
): void {
  if (!webPushSettingsFromEnv(env)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "消息提醒暂未开放")
  }
  if (!isAllowedPushEndpoint(input.endpoint, env)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "不支持该浏览器的推送服务，请使用最新版的 Chrome、Edge、Firefox 或 Safari"
    )
  }
  const p256dh = bytesOf(input.p256dh)
  if (p256dh.length !== 65 || p256dh[0] !== 0x04 || bytesOf(input.auth).length !== 16) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "浏览器的推送密钥无效，请刷新页面后重试")
  }
}
