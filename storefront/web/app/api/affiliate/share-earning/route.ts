import { readToken } from "@/lib/session"
import { shareEarningOffer } from "@/lib/share-earning"

export const dynamic = "force-dynamic"

const ID = /^prod_[A-Za-z0-9_]{1,64}$/
const HANDLE = /^[a-z0-9][a-z0-9_-]{0,99}$/i

/**
 * GET /api/affiliate/share-earning?product=<id>&handle=<handle>: the signed-in distributor's
 * 分享赚 for a product page that is served from cache: `{ "offer": null }` for visitors and
 * members who earn nothing by sharing it.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const id = params.get("product") ?? ""
  const handle = params.get("handle") ?? ""
  const headers = { "cache-control": "private, no-store" }
  if (!ID.test(id) || !HANDLE.test(handle)) {
    return Response.json({ message: "商品参数不正确。" }, { status: 400, headers })
  }
  const token = await readToken()
  const offer = token ? await shareEarningOffer(token, { id, handle }) : null
  return Response.json({ offer }, { headers })
}
