import type { ReactNode } from "react"
import "../../escort/escort.css"
import "../../escort-app/escort-app.css"

/** 我的问诊 uses the 陪诊 pages' list and card styles. */
export default function AccountConsultationsLayout({ children }: { children: ReactNode }) {
  return <>{children}</>
}
