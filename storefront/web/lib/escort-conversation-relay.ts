import { ApiError, type CommerceClientOptions } from "@health/core"
import { NextResponse } from "next/server"
import { commerceFetch } from "./commerce-fetch"
import { env } from "./env"
import { memberActionError } from "./member-action-error"
import { publishableKeySource, withPublishableKey } from "./publishable-key"
import { readToken } from "./session"

/** The same commerce connection lib/backends.ts gives the other clients. */
export const escortCommerceOptions = (): CommerceClientOptions => ({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: withPublishableKey(
    commerceFetch,
    publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
  ),
})

/**
 * A 陪诊 conversation call made for the browser with the member's token (an httpOnly cookie
 * page scripts never see): commerce's refusals pass on with their status and Chinese message.
 */
export async function relayEscortConversation(
  what: string,
  work: (token: string) => Promise<Response>
): Promise<Response> {
  const token = await readToken()
  if (!token) return NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 })
  try {
    return await work(token)
  } catch (error) {
    const status = error instanceof ApiError && error.status < 500 ? error.status : 502
    return NextResponse.json({ message: memberActionError(error, what).error }, { status })
  }
}

export const noStoreJson = (body: unknown, status = 200) =>
  NextResponse.json(body, { status, headers: { "cache-control": "no-store" } })
