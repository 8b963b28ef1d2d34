import { useCallback, useEffect, useRef, useState } from "react"
import { explainError } from "./explain-error"

export type Loaded<T> =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; data: T }

/**
 * Loads once on mount and whenever `deps` change, with loading and error states for
 * StateView. reload() keeps what is shown until the new data arrives, so a page's own
 * state (a form's "已保存" notice, what was typed) survives refreshing after an action.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" })
  const [round, setRound] = useState(0)
  // The caller names what the load depends on, like useEffect's deps.
  const run = useCallback(load, deps)
  const lastRun = useRef(run)
  useEffect(() => {
    let live = true
    const reloading = lastRun.current === run
    lastRun.current = run
    setResult((shown) => (reloading && shown.state === "ready" ? shown : { state: "loading" }))
    run().then(
      (data) => live && setResult({ state: "ready", data }),
      (error) => live && setResult({ state: "error", message: explainError(error) })
    )
    return () => {
      live = false
    }
  }, [run, round])
  return { result, reload: () => setRound((n) => n + 1) }
}
