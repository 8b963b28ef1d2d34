import { sessionSummary } from "@/lib/session-summary"

export const dynamic = "force-dynamic"

/**
 * GET /api/session/summary: the header's personal part (signed in, cart count, unread
 * messages) for the visitor's own cookies, so the pages around it can be served from cache.
 */
export async function GET() {
  return Response.json(await sessionSummary(), {
    headers: { "cache-control": "private, no-store" },
  })
}
