import Taro from "@tarojs/taro"
import type { FetchLike } from "@health/core"

type Method = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS"

/** The few parts of a fetch Response that storefront/core reads. */
export type TaroResponse = Pick<Response, "ok" | "status" | "statusText" | "text" | "json"> & {
  headers: { get(name: string): string | null }
}

/** storefront/core always passes headers as a plain object. */
function headersOf(init: RequestInit | undefined): Record<string, string> {
  return { ...((init?.headers as Record<string, string> | undefined) ?? {}) }
}

/**
 * `fetch` for storefront/core on Taro.request: the mini-program runtime has no fetch. The body
 * comes back as text so core parses it (and its errors) exactly as on the web.
 */
export const taroFetch: FetchLike = async (input, init) => {
  const signal = init?.signal
  if (signal?.aborted) throw new Error("请求已取消")
  const task = Taro.request<string>({
    url: input,
    method: ((init?.method ?? "GET").toUpperCase() as Method) || "GET",
    header: headersOf(init),
    data: (init?.body as string | undefined) ?? undefined,
    dataType: "text",
    responseType: "text",
  })
  signal?.addEventListener?.("abort", () => task.abort?.())
  const answer = await task
  const text =
    typeof answer.data === "string"
      ? answer.data
      : answer.data === undefined || answer.data === null
        ? ""
        : JSON.stringify(answer.data)
  const headers = Object.fromEntries(
    Object.entries((answer.header ?? {}) as Record<string, string>).map(([k, v]) => [
      k.toLowerCase(),
      String(v),
    ])
  )
  const response: TaroResponse = {
    ok: answer.statusCode >= 200 && answer.statusCode < 300,
    status: answer.statusCode,
    statusText: "",
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    text: async () => text,
    json: async () => (text ? JSON.parse(text) : null),
  }
  return response as unknown as Response
}
