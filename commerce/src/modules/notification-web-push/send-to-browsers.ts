import { readFileSync } from "node:fs"
import { Agent } from "node:https"
import { rootCertificates } from "node:tls"
import webpush from "web-push"
import type { WebPushMessage } from "../../lib/web-push/web-push-message"
import type { VapidSettings } from "../../lib/web-push/vapid-settings"
import type { WebPushSubscriptionRow } from "../web-push-subscription/service"

/** How long a push service keeps a message for a browser that is offline: a day. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60

/**
 * The TLS agent for push services: the system's CAs, plus the one in WEB_PUSH_EXTRA_CA_FILE
 * (a PEM path) when set, for a stand-in push service in tests or a TLS-inspecting proxy.
 * Undefined (Node's default agent) otherwise.
 */
export function pushAgentFromEnv(env: NodeJS.ProcessEnv = process.env): Agent | undefined {
  const file = env.WEB_PUSH_EXTRA_CA_FILE?.trim()
  if (!file) return undefined
  return new Agent({ ca: [...rootCertificates, readFileSync(file, "utf8")], keepAlive: true })
}

export type BrowserDelivery = {
  subscription_id: string
  /** delivered: the push service took it; gone: it answered 404/410, the browser left. */
  result: "delivered" | "gone" | "failed"
  status?: number
  error?: string
}

/**
 * Sends one message to each of a member's browsers through their push services, encrypted
 * to each browser's keys (RFC 8291, aes128gcm) and signed with our VAPID key (RFC 8292).
 * Never throws: each browser's result is reported, so one dead browser does not stop the rest.
 */
export async function sendToBrowsers(
  subscriptions: WebPushSubscriptionRow[],
  message: WebPushMessage,
  vapid: VapidSettings,
  { agent, timeoutMs = 10_000 }: { agent?: Agent; timeoutMs?: number } = {}
): Promise<BrowserDelivery[]> {
  const payload = JSON.stringify(message)
  return Promise.all(
    subscriptions.map(async (subscription): Promise<BrowserDelivery> => {
      try {
        const answer = await webpush.sendNotification(
          {
            endpoint: subscription.endpoint,
            keys: { p256dh: subscription.p256dh, auth: subscription.auth },
          },
          payload,
          {
            vapidDetails: vapid,
            TTL: PUSH_TTL_SECONDS,
            urgency: "normal",
            contentEncoding: "aes128gcm",
            timeout: timeoutMs,
            ...(agent ? { agent } : {}),
          }
        )
        return { subscription_id: subscription.id, result: "delivered", status: answer.statusCode }
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode
        return {
          subscription_id: subscription.id,
          result: status === 404 || status === 410 ? "gone" : "failed",
          ...(status ? { status } : {}),
          error: (error as Error).message,
        }
      }
    })
  )
}
