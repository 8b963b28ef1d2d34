import { useSyncExternalStore } from "react"

const never = () => () => {}

/** False on the server and in the hydrating render, true after: browser storage is readable. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false
  )
}
