import { model } from "@medusajs/framework/utils"

/**
 * One browser's web push subscription (PushSubscription.toJSON()) for one member: the push
 * service's endpoint and the keys RFC 8291 encrypts each message to. An endpoint belongs to
 * one browser profile, so to one member at a time: the newest member to switch reminders on
 * there takes it over.
 */
export const WebPushSubscription = model.define("web_push_subscription", {
  id: model.id({ prefix: "wpsub" }).primaryKey(),
  customer_id: model.text().index(),
  /** The push service's URL for this browser (https, a known push service). */
  endpoint: model.text().unique(),
  /** The browser's P-256 public key, base64url (keys.p256dh). */
  p256dh: model.text(),
  /** The 16-byte authentication secret, base64url (keys.auth). */
  auth: model.text(),
  /** Which browser, so a member can tell their devices apart. */
  user_agent: model.text().nullable(),
})
