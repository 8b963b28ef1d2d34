import { messages } from "@health/core"

/**
 * In place of CMS content that cannot be read right now (the CMS is down and nothing was
 * read before): says so, and that shopping goes on.
 */
export function CmsUnavailable({ what = messages.nav.articles }: { what?: string }) {
  return (
    <p className="empty" role="status" data-testid="cms-unavailable">
      {`${what}${messages.errors.cmsUnavailable}`}
    </p>
  )
}
