import { cookies } from "next/headers"
import { isSecureRequest } from "./secure-cookie"

const CART_COOKIE = "cart_id"

export async function readCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value
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

export async function clearCartId(): Promise<void> {
  ;(await cookies()).delete(CART_COOKIE)
}
