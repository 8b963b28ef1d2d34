"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"

/** The escort app's own navigation, with 退出 (clears the escort's cookie). */
export function EscortAppNav() {
  const router = useRouter()
  const signOut = async () => {
    await fetch("/api/escort-app/session", { method: "DELETE" }).catch(() => undefined)
    router.push("/escort-app/sign-in")
    router.refresh()
  }
  return (
    <nav className="escort-app-nav" aria-label="陪诊员工作台">
      <strong>陪诊员工作台</strong>
      <Link href="/escort-app" className="button small">
        任务
      </Link>
      <Link href="/escort-app/schedule" className="button small">
        排班
      </Link>
      <Link href="/escort-app/income" className="button small">
        收入
      </Link>
      <Link href="/escort-app/training" className="button small">
        培训
      </Link>
      <button type="button" className="button small" onClick={() => void signOut()}>
        退出
      </button>
    </nav>
  )
}
