/**
 * The page's side of public/sw.js: registering it (production builds only: `next dev`
 * rebuilds files the worker would keep) and the messages pages send it.
 */
export type WorkerMessage =
  /** Drop every member's kept pages and this browser's push subscription. */
  | { type: "signed-out" }
  /** `member` is signed in and reading `path` (a 消息中心 or report page): keep it. */
  | { type: "member-page"; member: string; path: string }
  /** Any page: refresh the kept 当前离线 page if it is old (a deploy since). */
  | { type: "page-shown" }

export const SERVICE_WORKER_URL = "/sw.js"

/** Marks the 当前离线 page, which is shown signed out even to a signed-in member. */
export const OFFLINE_SHELL_ATTRIBUTE = "data-offline-shell"

export function serviceWorkerEnabled(): boolean {
  return (
    process.env.NODE_ENV === "production" &&
    typeof navigator !== "undefined" &&
    "serviceWorker" in navigator
  )
}

export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!serviceWorkerEnabled()) return null
  try {
    // updateViaCache "none": a new sw.js is seen on the next visit, whatever HTTP caches say.
    return await navigator.serviceWorker.register(SERVICE_WORKER_URL, {
      scope: "/",
      updateViaCache: "none",
    })
  } catch {
    return null
  }
}

/** Sends to the active worker, if there is one (none yet on a first visit: nothing to do). */
export async function postToServiceWorker(message: WorkerMessage): Promise<void> {
  if (!serviceWorkerEnabled()) return
  const registration = await navigator.serviceWorker.getRegistration("/")
  registration?.active?.postMessage(message)
}
