import type { ReactNode } from "react"
import { EscortAppNav } from "@/components/escort-app/escort-app-nav"
import "./escort-app.css"

/** 陪诊员工作台: its own navigation (任务, 排班, 收入), apart from the shopper's account. */
export default function EscortAppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="escort-app">
      <EscortAppNav />
      <main className="escort-app-main">{children}</main>
    </div>
  )
}
