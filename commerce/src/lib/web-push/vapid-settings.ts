/**
 * The server's VAPID identity (RFC 8292) that every push is signed with. Generate a pair
 * once with `npx web-push generate-vapid-keys` and keep it: browsers subscribe to the public
 * key, and a new pair orphans every subscription made with the old one.
 */
export type VapidSettings = {
  /** P-256 public key, base64url (65 bytes uncompressed): what browsers subscribe with. */
  publicKey: string
  /** P-256 private key, base64url (32 bytes). */
  privateKey: string
  /** Who push services can reach about our traffic: `mailto:` or an `https:` URL. */
  subject: string
}

const BASE64URL = /^[A-Za-z0-9_-]+$/

const decodedLength = (value: string) =>
  BASE64URL.test(value) ? Buffer.from(value, "base64url").length : -1

/**
 * The settings from WEB_PUSH_VAPID_PUBLIC_KEY, WEB_PUSH_VAPID_PRIVATE_KEY and
 * WEB_PUSH_SUBJECT, or null when any is missing or malformed: web push is then off (the
 * public-key route says so and the storefront shows reminders as unavailable).
 */
export function webPushSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): VapidSettings | null {
  const publicKey = env.WEB_PUSH_VAPID_PUBLIC_KEY?.trim() ?? ""
  const privateKey = env.WEB_PUSH_VAPID_PRIVATE_KEY?.trim() ?? ""
  const subject = env.WEB_PUSH_SUBJECT?.trim() ?? ""
  if (decodedLength(publicKey) !== 65 || decodedLength(privateKey) !== 32) return null
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(subject)) return null
  return { publicKey, privateKey, subject }
}
