import type { Metadata } from "next"
import { GuestResult } from "@/components/constitution/guest-result"
import { loadReportContent } from "@/lib/constitution-content"
import { readToken } from "@/lib/session"

export const metadata: Metadata = { title: "体质辨识结果" }

/**
 * A visitor's (not yet saved) result. The result lives in the browser, so the advice for
 * all nine types is loaded and the report picks what applies.
 */
export default async function GuestResultPage({
  searchParams,
}: {
  searchParams: Promise<{ save?: string }>
}) {
  const [content, token, { save }] = await Promise.all([
    loadReportContent(),
    readToken(),
    searchParams,
  ])
  return <GuestResult content={content} signedIn={Boolean(token)} saveNow={save === "1"} />
}
