"use client"

import { forgetThisDevice } from "@/lib/pwa/forget-device"

/**
 * 退出登录. The server action clears the session cookie (and works without script); before
 * it runs, this browser drops the member's offline pages and push subscription.
 */
export function SignOutButton({ signOut }: { signOut: () => Promise<void> }) {
  return (
    <form action={signOut} onSubmit={() => void forgetThisDevice()}>
      <button type="submit" className="button">
        退出登录
      </button>
    </form>
  )
}
