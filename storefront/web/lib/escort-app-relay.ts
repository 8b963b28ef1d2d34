import type { FetchLike } from "@health/core"

/** Photos for a step, a 报备 or a message: commerce checks the size too, this spares the trip. */
const MAX_BODY_BYTES = 12 * 1024 * 1024
const SEGMENT = /^[A-Za-z0-9_-]{1,80}$/
const FORWARDED_QUERY = new Set(["status", "after", "limit", "tab"])

const answer = (status: number, message: string) =>
  Response.json({ message }, { status, headers: { "cache-control": "no-store" } })

/**
 * The commerce path a relayed call may reach: the actor's own routes (`/escort/...`, or
 * `/doctor/...` for the 在线诊室) and nothing else, so the cookie's token cannot be spent on
 * any other route through here.
 */
export function escortRelayPath(segments: readonly string[], root = "escort"): string | null {
  if (segments[0] !== root || segments.length < 2) return null
  return segments.every((segment) => SEGMENT.test(segment)) ? `/${segments.join("/")}` : null
}

/**
 * Passes one escort-app call on to commerce with the escort's bearer token from the httpOnly
 * cookie (the browser never holds it), and commerce's answer back as it came (status, JSON
 * message), so the typed clients in @health/core work unchanged in the browser.
 */
export async function relayEscortRequest(
  request: Request,
  segments: readonly string[],
  {
    token,
    commerceUrl,
    fetch,
    root,
  }: { token: string | undefined; commerceUrl: string; fetch: FetchLike; root?: string }
): Promise<Response> {
  const path = escortRelayPath(segments, root)
  if (!path) return answer(404, "没有这个接口")
  if (!token) return answer(401, "登录已过期，请重新登录")
  const length = Number(request.headers.get("content-length") ?? 0)
  if (length > MAX_BODY_BYTES) return answer(413, "上传内容过大，图片请不超过 10 MB")
  const search = new URLSearchParams()
  for (const [name, value] of new URL(request.url).searchParams) {
    if (FORWARDED_QUERY.has(name)) search.append(name, value)
  }
  const query = search.toString()
  const hasBody = request.method !== "GET" && request.method !== "HEAD"
  const body = hasBody ? await request.arrayBuffer() : undefined
  if (body && body.byteLength > MAX_BODY_BYTES) {
    return answer(413, "上传内容过大，图片请不超过 10 MB")
  }
  let upstream: Response
  try {
    upstream = await fetch(`${commerceUrl.replace(/\/$/, "")}${path}${query ? `?${query}` : ""}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.headers.get("content-type") && {
          "content-type": request.headers.get("content-type") as string,
        }),
      },
      body,
      cacheHint: "no-store",
    })
  } catch (error) {
    console.error("[escort-app relay]", error)
    return answer(502, "网络繁忙，请稍后重试")
  }
  return new Response(upstream.status === 204 ? null : upstream.body, {
    status: upstream.status,
    headers: {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
      "cache-control": "no-store",
    },
  })
}
