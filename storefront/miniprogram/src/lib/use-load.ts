import { useCallback, useEffect, useState } from "react"
import { explainError } from "./explain-error"

export type Loaded<T> =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; data: T }

/** Loads once on mount (and on reload()), with loading and error states for StateView. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" })
  const [round, setRound] = useState(0)
  // The caller names what the load depends on, like useEffect's deps.
  const run = useCallback(load, deps)
  useEffect(() => {
    let live = true
    setResult({ state: "loading" })
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
