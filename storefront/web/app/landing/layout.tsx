import type { ReactNode } from "react"
import "./landing.css"

/** 专题页 styles, loaded only where a landing page is shown. */
export default function LandingLayout({ children }: { children: ReactNode }) {
  // A fragment, not the bare children: React 18's types (the repository root's, for Taro)
  // refuse a layout that returns a ReactNode.
  return <>{children}</>
}
