/** Formats satori draws; anything else (webp, avif) falls back to the title block. */
const DRAWABLE = ["image/png", "image/jpeg", "image/svg+xml"]
const MAX_BYTES = 5 * 1024 * 1024

/**
 * The product picture as a data URI for the poster, or null when it cannot be had in time:
 * a poster without the picture beats no poster, so every failure is a fallback, not an error.
 */
export async function posterImageDataUri(
  url: string | null | undefined,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 3000
): Promise<string | null> {
  if (!url || !/^https?:\/\//.test(url)) return null
  try {
    const response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    })
    const type = response.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? ""
    if (!response.ok || !DRAWABLE.includes(type)) return null
    const bytes = Buffer.from(await response.arrayBuffer())
    if (bytes.length > MAX_BYTES) return null
    return `data:${type};base64,${bytes.toString("base64")}`
  } catch {
    return null
  }
}
