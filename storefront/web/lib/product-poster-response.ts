import { ApiError, messages, type Product } from "@health/core"
import { contentDisposition } from "./archive-file-response"
import { commerce, member } from "./backends"
import { env } from "./env"
import { posterImageDataUri } from "./poster-image"
import { posterPrice, posterUrl, priceRangeFen } from "./product-poster-price"
import { reportCjkFont, ReportFontMissingError } from "./report-cjk-font"
import {
  drawablePicture,
  POSTER_LATIN_FONT_PATH,
  posterLatinFont,
  posterPng,
  posterQrDataUri,
  productPosterContent,
  productPosterSvg,
} from "./share-poster"

/** The poster's price text, URI-encoded ("%C2%A5599.00%20%E8%B5%B7"); empty when unpriced. */
export const POSTER_PRICE_HEADER = "x-poster-price"

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Why there is no poster, as a small Chinese page (the download link opens it in the tab). */
export function posterRefusal(status: number, message: string): Response {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>分享海报</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937;line-height:1.6"><h1 style="font-size:1.25rem">无法生成海报</h1><p data-testid="poster-error">${escapeHtml(message)}</p><p><a href="/account/affiliate" style="color:#0f766e">返回分销中心</a></p></body></html>`
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  })
}

/** Lowest and highest price the shop sells the product for now, in yuan from exact fen. */
export function priceRange(product: Product): { lowest: number; highest: number } | null {
  const range = priceRangeFen(product)
  return range ? { lowest: range[0] / 100, highest: range[1] / 100 } : null
}

/**
 * The signed-in member's poster for one product as a PNG: the product's picture, title and
 * price, the member's masked name and a QR code of the product page with their share code.
 * `version` is the price version the asking page put in the URL (`v`): a poster is only ever
 * answered under the URL of the price it prints, else a browser that keeps pictures by URL
 * shows a price the product no longer has (a change and its reversal share one URL).
 */
export async function productPosterResponse(
  token: string,
  handle: string,
  download: boolean,
  version: string | null = null
): Promise<Response> {
  try {
    const [affiliate, profile, region] = await Promise.all([
      member.affiliate.me(token),
      member.me(token),
      commerce.getRegion(),
    ])
    if (affiliate.status === "disabled") {
      return posterRefusal(403, "您的分销资格已停用，暂不能生成分享海报。")
    }
    const product = await commerce.getProduct(handle, region.id)
    if (!product) return posterRefusal(404, "没有找到这件商品，它可能已下架。")
    const current = posterPrice(product)
    if (version !== null && version !== current.version) {
      // The page was older than the price: send the picture's URL on to the current price.
      return new Response(null, {
        status: 307,
        headers: { location: posterUrl(handle, current, download), "cache-control": "no-store" },
      })
    }
    const content = productPosterContent({
      brand: messages.brand,
      product,
      price: priceRange(product),
      member: profile,
      code: affiliate.code,
      referralLink: affiliate.link,
    })
    const [cjk, latin, productImage, qr] = await Promise.all([
      reportCjkFont(),
      posterLatinFont(),
      posterImageDataUri(product.thumbnail),
      posterQrDataUri(content.qrPayload),
    ])
    const fontFiles = [POSTER_LATIN_FONT_PATH, env.reportCjkFont]
    const picture = drawablePicture(productImage, fontFiles)
    const svg = await productPosterSvg(content, { product: picture, qr }, { latin, cjk })
    const png = posterPng(svg, fontFiles)
    return new Response(png as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        "content-type": "image/png",
        "content-disposition": contentDisposition(
          download ? "attachment" : "inline",
          `分享海报-${product.title}.png`
        ),
        "content-length": String(png.length),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        // The price as drawn, for the tests that check it follows the admin without OCR.
        [POSTER_PRICE_HEADER]: encodeURIComponent(content.priceText ?? ""),
      },
    })
  } catch (error) {
    if (error instanceof ReportFontMissingError) {
      console.error("[share poster]", error.message)
      return posterRefusal(503, "海报暂时无法生成：服务器尚未安装中文字体。请先复制推广链接分享。")
    }
    if (error instanceof ApiError && error.status === 401) {
      return posterRefusal(401, "登录已过期，请重新登录后再生成海报。")
    }
    console.error("[share poster]", error)
    return posterRefusal(502, "海报暂时无法生成，请稍后重试。")
  }
}
