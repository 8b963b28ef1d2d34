import { headers } from "next/headers"

/** Secure everywhere but plain-http development on this machine. */
export async function isSecureRequest(): Promise<boolean> {
  const h = await headers()
  const proto = h.get("x-forwarded-proto") ?? ""
  const host = h.get("host") ?? ""
  return proto === "https" || !/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host)
}
