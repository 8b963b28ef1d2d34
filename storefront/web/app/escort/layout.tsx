import type { ReactNode } from "react"
import "./escort.css"

/** 陪诊 pages share their styles (the account's booking pages import them too). */
export default function EscortLayout({ children }: { children: ReactNode }) {
  return <>{children}</>
}
