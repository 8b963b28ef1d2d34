import type { ReactNode } from "react"
import "../escort-app/escort-app.css"

/** 在线问诊 lists doctors with the 陪诊 pages' card styles. */
export default function ConsultLayout({ children }: { children: ReactNode }) {
  return <>{children}</>
}
