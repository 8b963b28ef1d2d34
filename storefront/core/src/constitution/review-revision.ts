import type { PublishedReview, ReviewVersion } from "@health/contracts"
import { formatDateTime } from "../format"

type Revised = Pick<PublishedReview, "revision" | "revised_at" | "revision_reason">

/**
 * What a member reads above a corrected 养生评估报告: 「已于 2026-11-26 09:30 修订（第 2 版）」
 * (Beijing time), with the expert's 修订说明. Null for a report as first published.
 */
export function revisionNotice(
  review: Partial<Revised>
): { text: string; reason: string | null } | null {
  const revision = review.revision ?? 1
  if (revision < 2 || !review.revised_at) return null
  return {
    text: `已于 ${formatDateTime(review.revised_at)} 修订（第 ${revision} 版）`,
    reason: review.revision_reason?.trim() || null,
  }
}

export type VersionEntry = ReviewVersion & {
  /** 「第 1 版 · 2026-11-25 10:00 发布」 or 「第 2 版 · 2026-11-26 09:30 修订」. */
  title: string
}

/** The versions the member read before this one, newest first, titled for a list. */
export function earlierVersions(
  review: Pick<PublishedReview, "revision"> & { versions?: ReviewVersion[] }
): VersionEntry[] {
  return (review.versions ?? [])
    .filter((v) => v.revision < (review.revision ?? 1))
    .sort((a, b) => b.revision - a.revision)
    .map((v) => ({
      ...v,
      title: `第 ${v.revision} 版 · ${formatDateTime(v.published_at)} ${v.revision > 1 ? "修订" : "发布"}`,
    }))
}
