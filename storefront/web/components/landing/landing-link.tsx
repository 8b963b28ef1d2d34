import { safeUrl } from "@health/core/cms/rich-text"
import Link from "next/link"
import type { ReactNode } from "react"

/**
 * A link an editor typed in the CMS: site paths through Next's Link, outside addresses in a new
 * tab, and anything else (javascript:, data:) not a link at all, just its content.
 */
export function LandingLink({
  href,
  className,
  children,
  testId,
}: {
  href: string | null | undefined
  className?: string
  children: ReactNode
  testId?: string
}) {
  const url = href ? safeUrl(href) : null
  if (!url) {
    return (
      <span className={className} data-testid={testId}>
        {children}
      </span>
    )
  }
  if (/^(https?:)?\/\//i.test(url) || /^(mailto|tel):/i.test(url)) {
    return (
      <a
        href={url}
        className={className}
        data-testid={testId}
        {...(/^(https?:)?\/\//i.test(url) ? { target: "_blank", rel: "noopener noreferrer" } : {})}
      >
        {children}
      </a>
    )
  }
  return (
    <Link href={url} className={className} data-testid={testId}>
      {/* next/link is typed with the root's React 18 ReactNode; this workspace renders React 19. */}
      {children as Parameters<typeof Link>[0]["children"]}
    </Link>
  )
}
