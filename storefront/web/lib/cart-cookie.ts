import { cookies, headers } from "next/headers"

const CART_COOKIE = "cart_id"

export async function readCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value
}

/** Secure everywhere but plain-http development on this machine. */
async function isSecureRequest(): Promise<boolean> {
  const h = await headers()
  const proto = h.get("x-forwarded-proto") ?? ""
  const host = h.get("host") ?? ""
  return proto === "https" || !/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host)
}

export async function writeCartId(cartId: string): Promise<void> {
  ;(await cookies()).set(CART_COOKIE, cartId, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isSecureRequest(),
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  })
}
