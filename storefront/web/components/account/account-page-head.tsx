import Link from "next/link"
import type { ReactNode } from "react"

/** Title of a page inside 我的账户, with the way back. */
export function AccountPageHead({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="account-subhead">
      <nav aria-label="当前位置" className="breadcrumb">
        <Link href="/account">我的账户</Link>
        <span aria-hidden> / </span>
        <span aria-current="page">{title}</span>
      </nav>
      <h1>{title}</h1>
      {children}
    </header>
  )
}
