"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"

/** The 在线诊室's own navigation, with 退出 (clears the doctor's cookie). */
export function DoctorNav() {
  const router = useRouter()
  const signOut = async () => {
    await fetch("/doctor/session", { method: "DELETE" }).catch(() => undefined)
    router.push("/doctor/sign-in")
    router.refresh()
  }
  return (
    <nav className="escort-app-nav" aria-label="在线诊室">
      <strong>在线诊室</strong>
      <Link href="/doctor" className="button small">
        问诊
      </Link>
      <Link href="/doctor/schedule" className="button small">
        排班
      </Link>
      <Link href="/doctor/patients" className="button small">
        患者
      </Link>
      <Link href="/doctor/assessments" className="button small">
        检测评估
      </Link>
      <Link href="/doctor/group-sessions" className="button small">
        在线咨询
      </Link>
      <Link href="/doctor/income" className="button small">
        收入
      </Link>
      <Link href="/doctor/licence" className="button small">
        资质认证
      </Link>
      <button type="button" className="button small" onClick={() => void signOut()}>
        退出
      </button>
    </nav>
  )
}
