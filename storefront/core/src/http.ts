/**
 * How long a response may be reused. Next maps it to its data cache (tags, revalidate);
 * the mini-program ignores it.
 */
export type CacheHint = { tags: string[]; revalidate?: number } | "no-store"

/** The standard fetch signature plus an optional cache hint, so any runtime can be injected. */
export type FetchLike = (
  input: string,
  init?: RequestInit & { cacheHint?: CacheHint }
) => Promise<Response>

/** An answer from a back end that was not 2xx, with the back end's own message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type?: string,
    /** The refusal's JSON body, for answers that carry more than a message (checkout problems). */
    readonly body?: unknown
  ) {
    super(message)
    this.name = "ApiError"
  }
}

export async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text()
  const body = text ? (JSON.parse(text) as unknown) : undefined
  if (!response.ok) {
    const error = (body ?? {}) as {
      message?: string
      type?: string
      error?: { message?: string; name?: string }
    }
    throw new ApiError(
      response.status,
      error.message ?? error.error?.message ?? `请求失败（${response.status}）`,
      error.type ?? error.error?.name,
      body
    )
  }
  return body as T
}

export function query(
  params: Record<string, string | number | boolean | string[] | undefined | null>
): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v))
    else search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ""
}
