import { ApiError, normalizeQuery, SEARCH_TYPES, type SearchHit } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { siteSearch } from "@/lib/backends"

/** How many suggestions per type the header's search box shows. */
const PER_TYPE = 3

/**
 * Suggestions for the header's search box: the first hits of each type, so the browser
 * never needs the publishable key or the commerce URL.
 */
export async function GET(request: NextRequest) {
  const q = normalizeQuery(request.nextUrl.searchParams.get("q") ?? undefined)
  if (!q) return NextResponse.json({ suggestions: [] })
  try {
    const results = await siteSearch.search(q, { limit: PER_TYPE })
    const suggestions: SearchHit[] = SEARCH_TYPES.flatMap(
      (type) => results.groups?.[type]?.hits ?? []
    )
    return NextResponse.json({ suggestions })
  } catch (error) {
    const status = error instanceof ApiError && error.status < 500 ? error.status : 503
    return NextResponse.json({ suggestions: [], message: "搜索暂时不可用，请稍后再试" }, { status })
  }
}
