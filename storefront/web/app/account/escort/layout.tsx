import type { ReactNode } from "react"
import "../../escort/escort.css"

/** 我的陪诊 and each booking draw the timeline with the 陪诊 pages' styles. */
export default function AccountEscortLayout({ children }: { children: ReactNode }) {
  return <>{children}</>
}
