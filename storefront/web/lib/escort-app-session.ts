import { cookies } from "next/headers"
import { isSecureRequest } from "./secure-cookie"

/** The escort's token: its own cookie, never the shopper's (an escort is not a member). */
export const ESCORT_TOKEN_COOKIE = "escort_token"

export async function readEscortToken(): Promise<string | undefined> {
  return (await cookies()).get(ESCORT_TOKEN_COOKIE)?.value
}

/** httpOnly: the escort app's scripts reach commerce only through the relay. */
export async function writeEscortToken(token: string): Promise<void> {
  ;(await cookies()).set(ESCORT_TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isSecureRequest(),
    path: "/",
    maxAge: 60 * 60 * 24 * 7,
  })
}

export async function clearEscortToken(): Promise<void> {
  ;(await cookies()).delete(ESCORT_TOKEN_COOKIE)
}
