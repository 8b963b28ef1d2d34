import { model } from "@medusajs/framework/utils"

/**
 * 发布到微官网 for a product: whether the WeChat surfaces (the mini-program's catalogue and
 * search, 群发) show it. A product without a row is shown, so the catalogue that existed
 * before the flag stays visible; staff switching it off writes `shown: false`. Kept here
 * rather than in product metadata so the hidden ones are one indexed query away.
 */
export const OfficialAccountMicrositeProduct = model
  .define("wechat_oa_microsite_product", {
    id: model.id({ prefix: "oamsp" }).primaryKey(),
    product_id: model.text(),
    shown: model.boolean().default(true),
    changed_by: model.text().nullable(),
  })
  .indexes([
    { on: ["product_id"], unique: true, where: "deleted_at is null" },
    { on: ["shown"], where: "deleted_at is null" },
  ])
