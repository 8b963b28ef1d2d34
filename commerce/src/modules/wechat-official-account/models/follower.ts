import { model } from "@medusajs/framework/utils"

/**
 * 关注者: a WeChat user who followed the service account, by openid (this account's), with
 * the unionid when WeChat gives one, and the member it is linked to: by unionid (the same
 * person signed in with the mini-program) or by the bind link (`linked_by`). Unfollowing
 * keeps the row (subscribed false) so a re-follow keeps the link.
 */
export const OfficialAccountFollower = model
  .define("wechat_oa_follower", {
    id: model.id({ prefix: "oafol" }).primaryKey(),
    openid: model.text(),
    unionid: model.text().nullable(),
    customer_id: model.text().nullable(),
    linked_by: model.enum(["unionid", "bind"]).nullable(),
    subscribed: model.boolean().default(true),
    followed_at: model.dateTime(),
    unfollowed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["openid"], unique: true, where: "deleted_at is null" },
    { on: ["customer_id"], where: "deleted_at is null" },
  ])
