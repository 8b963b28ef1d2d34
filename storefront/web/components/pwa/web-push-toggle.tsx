"use client"

import { messages, type BrowserPushSubscription } from "@health/core"
import { useEffect, useState } from "react"
import { applicationServerKey, browserSupportsPush, type PushState } from "@/lib/pwa/push-support"
import { registerServiceWorker } from "@/lib/pwa/service-worker-client"
import type { WebPushActionResult } from "@/lib/web-push-actions"

type Save = (subscription: BrowserPushSubscription) => Promise<WebPushActionResult>
type Remove = (endpoint: string) => Promise<WebPushActionResult>

/** The worker that holds push subscriptions: the registered one, active. */
async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  const registration =
    (await navigator.serviceWorker.getRegistration("/")) ?? (await registerServiceWorker())
  if (!registration) return null
  return registration.active ? registration : navigator.serviceWorker.ready
}

/**
 * 开启消息提醒: browser notifications for new inbox messages (web push). The browser is
 * asked for permission only when the member taps the button, never on page load. States:
 * unavailable (the server has no keys), unsupported (this browser cannot), denied (the
 * browser blocked it: only its settings can undo that), off, on.
 */
export function WebPushToggle({
  publicKey,
  save,
  remove,
}: {
  publicKey: string | null
  save: Save
  remove: Remove
}) {
  const [state, setState] = useState<PushState>("checking")
  const [working, setWorking] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const { pwa } = messages

  useEffect(() => {
    let live = true
    const settle = (next: PushState) => live && setState(next)
    if (!publicKey) settle("unavailable")
    else if (!browserSupportsPush()) settle("unsupported")
    else if (Notification.permission === "denied") settle("denied")
    else {
      navigator.serviceWorker
        .getRegistration("/")
        .then(async (registration) => {
          // No worker in `next dev`, nor where a browser refuses one: nothing can push here.
          if (!registration && !(await registerServiceWorker())) return settle("unsupported")
          const subscription = await registration?.pushManager.getSubscription()
          settle(subscription && Notification.permission === "granted" ? "on" : "off")
        })
        .catch(() => settle("unsupported"))
    }
    return () => {
      live = false
    }
  }, [publicKey])

  async function enable() {
    if (!publicKey) return
    setWorking(true)
    setNotice(null)
    try {
      const permission = await Notification.requestPermission()
      if (permission === "denied") return setState("denied")
      if (permission !== "granted") return setNotice(pwa.pushDismissed)
      const registration = await activeRegistration()
      if (!registration) return setState("unsupported")
      const key = applicationServerKey(publicKey)
      let subscription: PushSubscription
      try {
        subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: key,
        })
      } catch (error) {
        // Subscribed before with another server key (keys renewed): start over with this one.
        const old = await registration.pushManager.getSubscription()
        if (!old) throw error
        await old.unsubscribe()
        subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: key,
        })
      }
      const saved = await save(subscription.toJSON() as BrowserPushSubscription)
      if (saved.error) {
        await subscription.unsubscribe().catch(() => undefined)
        return setNotice(saved.error)
      }
      setState("on")
    } catch {
      setNotice(pwa.pushFailed)
    } finally {
      setWorking(false)
    }
  }

  async function disable() {
    setWorking(true)
    setNotice(null)
    try {
      const registration = await navigator.serviceWorker.getRegistration("/")
      const subscription = await registration?.pushManager.getSubscription()
      if (subscription) {
        const removed = await remove(subscription.endpoint)
        if (removed.error) return setNotice(removed.error)
        await subscription.unsubscribe()
      }
      setState("off")
    } catch {
      setNotice(pwa.pushFailed)
    } finally {
      setWorking(false)
    }
  }

  const status: Record<PushState, string | null> = {
    checking: null,
    unavailable: pwa.pushUnavailable,
    unsupported: pwa.pushUnsupported,
    denied: pwa.pushDenied,
    off: pwa.pushOff,
    on: pwa.pushOn,
  }
  return (
    <div className="form" data-testid="web-push-toggle" data-state={state}>
      <h3>{pwa.pushTitle}</h3>
      <p className="muted">{pwa.pushHint}</p>
      {status[state] && <p role="status">{status[state]}</p>}
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      {state === "off" && (
        <button type="button" className="button primary" onClick={enable} disabled={working}>
          {working ? pwa.pushWorking : pwa.pushEnable}
        </button>
      )}
      {state === "on" && (
        <button type="button" className="button" onClick={disable} disabled={working}>
          {working ? pwa.pushWorking : pwa.pushDisable}
        </button>
      )}
    </div>
  )
}
