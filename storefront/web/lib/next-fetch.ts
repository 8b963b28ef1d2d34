import type { FetchLike } from "@health/core"

/** Maps core's cache hints onto Next's data cache (tags + revalidate) or no-store. */
export const nextFetch: FetchLike = (input, init = {}) => {
  const { cacheHint, ...rest } = init
  if (cacheHint === "no-store" || !cacheHint) {
    return fetch(input, { ...rest, cache: "no-store" })
  }
  return fetch(input, { ...rest, next: { tags: cacheHint.tags, revalidate: cacheHint.revalidate } })
}
