import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { publicOrigin } from "../../lib/config/public-origins"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../modules/wechat-official-account"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"
import type { MicrositeContent } from "./microsite-content-types"
import { escapeHtml, paragraphs } from "./news-html"
import { OFFICIAL_ACCOUNT_TEXT as T } from "./official-account.zh-CN"

type ProductRow = {
  id: string
  title: string
  subtitle: string | null
  description: string | null
  handle: string
  status: string
  thumbnail: string | null
  images?: { url: string }[] | null
}

/**
 * A published product as a 图文消息 article linking to its page (阅读原文), only when the
 * 微官网 shows it (发布到微官网, on unless staff switched it off). 404 for a product that
 * does not exist or is not published, 400 when it is not on the 微官网.
 */
export async function micrositeProductContent(
  container: MedusaContainer,
  productId: string
): Promise<MicrositeContent> {
  const {
    data: [product],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "subtitle",
      "description",
      "handle",
      "status",
      "thumbnail",
      "images.url",
    ],
    filters: { id: productId },
  })
  const row = product as ProductRow | undefined
  if (!row || row.status !== "published") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, T.massProductMissing)
  }
  const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
  if (!(await oa.isProductOnMicrosite(row.id))) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, T.massProductNotMicrosite)
  }
  const title = row.title.trim() || "健康商品"
  const description = (row.description ?? "").trim()
  const digest = (row.subtitle ?? "").trim() || description.replace(/\s+/g, " ")
  const url = `${publicOrigin("storefront")}/products/${encodeURIComponent(row.handle)}`
  const pictures = [row.thumbnail, ...(row.images ?? []).map((image) => image.url)]
  return {
    title,
    cover_urls: [...new Set(pictures.filter((u): u is string => !!u))],
    news: {
      title: title.slice(0, 64),
      digest: (digest || T.massDefaultDigest).slice(0, 120),
      content:
        paragraphs(description) ||
        `<p>${escapeHtml(digest || title)}</p><p><a href="${url}">${T.massDefaultDigest}</a></p>`,
      content_source_url: url,
      show_cover_pic: 0,
    },
  }
}
