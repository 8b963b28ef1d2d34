import type { ReactNode } from "react"
import "./landing.css"

/** 专题页 styles, loaded only where a landing page is shown. */
export default function LandingLayout({ children }: { children: ReactNode }) {
  return children
}
