/**
 * Where the CMS client keeps the last good answer of each request, to answer with while
 * the CMS is down. Injected: the web keeps it in server memory, the mini-program can use
 * its storage. Values are JSON as the CMS sent it.
 */
export type LastGoodStore = {
  get(key: string): unknown | Promise<unknown>
  set(key: string, value: unknown): void | Promise<void>
}

/** An in-memory store that forgets the least recently used entries beyond `maxEntries`. */
export function memoryLastGood(maxEntries = 500): LastGoodStore {
  const entries = new Map<string, unknown>()
  return {
    get(key) {
      if (!entries.has(key)) return undefined
      const value = entries.get(key)
      entries.delete(key)
      entries.set(key, value)
      return value
    },
    set(key, value) {
      entries.delete(key)
      entries.set(key, value)
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
  }
}

/** The CMS could not be reached (or failed) and there is no earlier answer to fall back on. */
export class CmsUnavailableError extends Error {
  constructor(readonly cause?: unknown) {
    super("内容服务暂时不可用")
    this.name = "CmsUnavailableError"
  }
}
