import type { ReactNode } from "react"
import "./constitution.css"

/** 体质辨识 pages share their styles, the print stylesheet included. */
export default function ConstitutionLayout({ children }: { children: ReactNode }) {
  return <div className="constitution">{children}</div>
}
