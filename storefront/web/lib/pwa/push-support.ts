/** What the 消息提醒 switch shows. */
export type PushState =
  | "checking"
  | "unavailable" // the server has no VAPID keys
  | "unsupported" // no service worker, Push API or Notification here (iOS outside a home-screen app)
  | "denied" // the member (or a policy) blocked notifications for this site
  | "off"
  | "on"

export function browserSupportsPush(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  )
}

/** The VAPID public key (base64url) as applicationServerKey wants it. */
export function applicationServerKey(publicKey: string): Uint8Array<ArrayBuffer> {
  const base64 = publicKey.replace(/-/g, "+").replace(/_/g, "/")
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4)
  const binary = atob(padded)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
