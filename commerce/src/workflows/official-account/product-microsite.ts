import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../modules/wechat-official-account"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"
import { OFFICIAL_ACCOUNT_TEXT as T } from "./official-account.zh-CN"

export type ProductMicrosite = { product_id: string; shown: boolean }

async function assertProductExists(container: MedusaContainer, productId: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["id"],
    filters: { id: productId },
  })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, T.micrositeProductMissing)
}

const officialAccount = (container: MedusaContainer) =>
  container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)

/** Whether the 微官网 (the mini-program, 群发) shows a product; 404 for no such product. */
export async function productMicrosite(
  container: MedusaContainer,
  productId: string
): Promise<ProductMicrosite> {
  await assertProductExists(container, productId)
  return {
    product_id: productId,
    shown: await officialAccount(container).isProductOnMicrosite(productId),
  }
}

/**
 * 发布到微官网 on or off for a product, by a staff member. Only the flag's own row changes:
 * the product and the web's catalogue are untouched (the web shows every product).
 */
export async function setProductMicrosite(
  container: MedusaContainer,
  input: { product_id: string; shown: boolean; changed_by: string | null }
): Promise<ProductMicrosite> {
  await assertProductExists(container, input.product_id)
  return officialAccount(container).setProductOnMicrosite(
    input.product_id,
    input.shown,
    input.changed_by
  )
}
