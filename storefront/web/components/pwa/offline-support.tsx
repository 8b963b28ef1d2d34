"use client"

import { useEffect } from "react"
import {
  OFFLINE_SHELL_ATTRIBUTE,
  postToServiceWorker,
  registerServiceWorker,
} from "@/lib/pwa/service-worker-client"

/**
 * On every page (from the header): registers the service worker, and when no one is signed
 * in, tells it to drop any member's kept pages: a session that ended without 退出登录
 * (expired, cookies cleared) leaves nothing behind either. `null` while the header has not
 * yet learnt who is visiting: nothing is done until it has.
 */
export function OfflineSupport({ signedIn }: { signedIn: boolean | null }) {
  useEffect(() => {
    if (signedIn === null) return
    void registerServiceWorker().then(() => {
      const offlineShell = document.querySelector(`[${OFFLINE_SHELL_ATTRIBUTE}]`) !== null
      if (!signedIn && !offlineShell) void postToServiceWorker({ type: "signed-out" })
      if (!offlineShell) void postToServiceWorker({ type: "page-shown" })
    })
  }, [signedIn])
  return null
}
