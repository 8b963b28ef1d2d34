import {
  validateAndTransformBody,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { storefrontChannelOf } from "../lib/http/storefront-channel"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../modules/wechat-official-account"
import type WechatOfficialAccountModuleService from "../modules/wechat-official-account/service"
import { OFFICIAL_ACCOUNT_TEXT as T } from "../workflows/official-account/official-account.zh-CN"
import { SetProductMicrositeBody } from "./admin/official-account/validators"

const officialAccount = (req: MedusaRequest) =>
  req.scope.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)

/**
 * The products the asking storefront may not list: on the mini-program (a WeChat surface)
 * those staff took off the 微官网; on the web none. Empty when there is nothing to hide.
 */
export async function productsHiddenFrom(req: MedusaRequest): Promise<string[]> {
  if (storefrontChannelOf(req) !== "miniprogram") return []
  return officialAccount(req).micrositeHiddenProductIds()
}

/**
 * GET /store/products from the mini-program: products off the 微官网 are left out. Runs
 * after Medusa's own query validation (app middlewares follow the core's for one route),
 * so it narrows the filters Medusa built.
 */
async function listOnlyMicrositeProducts(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const hidden = await productsHiddenFrom(req)
  if (hidden.length) {
    const filters = (req.filterableFields ??= {}) as Record<string, unknown>
    const asked = filters.id
    if (asked === undefined) filters.id = { $nin: hidden }
    else {
      const shown = [asked].flat().filter((id) => !hidden.includes(String(id)))
      // No id left: an id no product has, so the answer is empty rather than everything.
      filters.id = shown.length ? shown : ["prod_none"]
    }
  }
  next()
}

/** GET /store/products/:id from the mini-program: 404 for a product off the 微官网. */
async function fetchOnlyMicrositeProduct(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const hidden = await productsHiddenFrom(req)
  if (hidden.includes(req.params.id)) {
    return next(new MedusaError(MedusaError.Types.NOT_FOUND, T.micrositeHiddenProduct))
  }
  next()
}

/**
 * 发布到微官网 for products (issue #23 item 3): the mini-program's catalogue leaves out what
 * staff took off the 微官网, and the admin widget sets it (the catalog area, as
 * /admin/products is: route-permissions.ts).
 */
export const micrositeMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/products", methods: ["GET"], middlewares: [listOnlyMicrositeProducts] },
  { matcher: "/store/products/:id", methods: ["GET"], middlewares: [fetchOnlyMicrositeProduct] },
  {
    matcher: "/admin/products/:id/microsite",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(SetProductMicrositeBody)],
  },
]
