import Taro from "@tarojs/taro"
import { useEffect, useState } from "react"
import { explainError } from "./explain-error"
import type { Loaded } from "./use-load"

/** What a page keeps in storage: its last good data and when it was read. */
type Kept<T> = { version: number; saved_at: number; data: T }

/** Bump when the shape of kept data changes: older entries are then ignored. */
const VERSION = 1

/** Shown from cache, and whether the fresh read has replaced it yet. */
export type CachedLoaded<T> = Loaded<T> & { fromCache?: boolean }

function readKept<T>(key: string): T | undefined {
  try {
    const kept = Taro.getStorageSync(key) as Kept<T> | ""
    return kept && kept.version === VERSION ? kept.data : undefined
  } catch {
    return undefined
  }
}

function keep<T>(key: string, data: T) {
  try {
    Taro.setStorageSync(key, { version: VERSION, saved_at: Date.now(), data } satisfies Kept<T>)
  } catch {
    // Storage full or unavailable: the page still shows fresh data, just not next time.
  }
}

/**
 * A first screen that appears at once on a repeat visit: the data last shown (from Taro
 * storage) renders first, then the fresh read replaces it and is kept for next time. A failed
 * refresh leaves the kept data on screen rather than an error; without kept data it is an error.
 * Prices and stock are refreshed on every visit, so the kept copy is shown only until then.
 */
export function useCachedLoad<T>(key: string, load: () => Promise<T>) {
  const [result, setResult] = useState<CachedLoaded<T>>(() => {
    const kept = readKept<T>(key)
    return kept === undefined
      ? { state: "loading" }
      : { state: "ready", data: kept, fromCache: true }
  })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    load().then(
      (data) => {
        keep(key, data)
        if (live) setResult({ state: "ready", data, fromCache: false })
      },
      (error) => {
        if (!live) return
        setResult((shown) =>
          shown.state === "ready" ? shown : { state: "error", message: explainError(error) }
        )
      }
    )
    return () => {
      live = false
    }
    // The key names what is loaded; `load` is a fresh closure each render.
  }, [key, round])
  return { result, reload: () => setRound((n) => n + 1) }
}
