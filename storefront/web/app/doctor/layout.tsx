import type { ReactNode } from "react"
import { DoctorNav } from "./_components/doctor-nav"
import "../escort-app/escort-app.css"

/** 在线诊室: the doctors' desk, apart from the shopper's account (same layout as the escort app). */
export default function DoctorLayout({ children }: { children: ReactNode }) {
  return (
    <div className="escort-app">
      <DoctorNav />
      <main className="escort-app-main">{children}</main>
    </div>
  )
}
