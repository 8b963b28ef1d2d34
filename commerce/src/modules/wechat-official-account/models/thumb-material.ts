import { model } from "@medusajs/framework/utils"

/**
 * A cover picture uploaded as permanent material (material/add_material?type=thumb) for
 * 群发: WeChat's media id per source picture, so the same picture is uploaded once.
 * `source` is the picture's URL, or "default-cover:<version>" for the built-in one.
 */
export const OfficialAccountThumbMaterial = model
  .define("wechat_oa_thumb_material", {
    id: model.id({ prefix: "oathumb" }).primaryKey(),
    source: model.text(),
    media_id: model.text(),
    url: model.text().nullable(),
    bytes: model.number(),
  })
  .indexes([{ on: ["source"], unique: true, where: "deleted_at is null" }])
