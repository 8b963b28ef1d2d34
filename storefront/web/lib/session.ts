import { ApiError, type Member } from "@health/core"
import { cookies } from "next/headers"
import { member } from "./backends"
import { isSecureRequest } from "./secure-cookie"

const TOKEN_COOKIE = "member_token"

export async function readToken(): Promise<string | undefined> {
  return (await cookies()).get(TOKEN_COOKIE)?.value
}

/** The member's bearer token lives in an httpOnly cookie: page scripts never see it. */
export async function writeToken(token: string): Promise<void> {
  ;(await cookies()).set(TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isSecureRequest(),
    path: "/",
    maxAge: 60 * 60 * 24 * 7,
  })
}

export async function clearToken(): Promise<void> {
  ;(await cookies()).delete(TOKEN_COOKIE)
}

/** The signed-in member, or null when signed out or the token has expired. */
export async function currentMember(): Promise<{ token: string; member: Member } | null> {
  const token = await readToken()
  if (!token) return null
  try {
    return { token, member: await member.me(token) }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}
