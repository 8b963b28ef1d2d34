import { posterRefusal, productPosterResponse } from "@/lib/product-poster-response"
import { readToken } from "@/lib/session"

/**
 * GET /api/affiliate/poster?product=<handle>&v=<price version>[&download=1]: the signed-in
 * member's share poster for a product, as a PNG (inline for the preview, an attachment for
 * 下载海报); a `v` that is not the current price's is redirected to the current one.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const handle = params.get("product") ?? ""
  if (!/^[a-z0-9][a-z0-9_-]{0,99}$/i.test(handle)) {
    return posterRefusal(400, "请选择要生成海报的商品。")
  }
  const token = await readToken()
  if (!token) return posterRefusal(401, "请先登录，再生成您的分享海报。")
  return productPosterResponse(token, handle, params.get("download") === "1", params.get("v"))
}
