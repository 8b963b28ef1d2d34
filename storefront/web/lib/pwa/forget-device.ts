import { postToServiceWorker } from "./service-worker-client"

/**
 * On 退出登录: the member's kept pages go, and so does this browser's push subscription (its
 * push service then answers 410 and commerce forgets it), so neither outlives the session.
 * Done here and by the worker both: the page can reach the caches even without an active
 * worker, and the worker does it even if the page is gone before the promises settle.
 */
export async function forgetThisDevice(): Promise<void> {
  await Promise.allSettled([
    postToServiceWorker({ type: "signed-out" }),
    (async () => {
      if (typeof caches === "undefined") return
      const names = await caches.keys()
      await Promise.all(
        names.filter((name) => name.startsWith("health-member-")).map((n) => caches.delete(n))
      )
    })(),
    (async () => {
      if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return
      const registration = await navigator.serviceWorker.getRegistration("/")
      const subscription = await registration?.pushManager?.getSubscription()
      await subscription?.unsubscribe()
    })(),
  ])
}
