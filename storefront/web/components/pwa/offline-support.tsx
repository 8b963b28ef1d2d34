"use client"

import { useEffect } from "react"
import {
  OFFLINE_SHELL_ATTRIBUTE,
  postToServiceWorker,
  registerServiceWorker,
} from "@/lib/pwa/service-worker-client"

/**
 * On every page (from the header): registers the service worker, and when the page was
 * rendered for no one signed in, tells it to drop any member's kept pages: a session that
 * ended without 退出登录 (expired, cookies cleared) leaves nothing behind either.
 */
export function OfflineSupport({ signedIn }: { signedIn: boolean }) {
  useEffect(() => {
    void registerServiceWorker().then(() => {
      const offlineShell = document.querySelector(`[${OFFLINE_SHELL_ATTRIBUTE}]`) !== null
      if (!signedIn && !offlineShell) void postToServiceWorker({ type: "signed-out" })
      if (!offlineShell) void postToServiceWorker({ type: "page-shown" })
    })
  }, [signedIn])
  return null
}
