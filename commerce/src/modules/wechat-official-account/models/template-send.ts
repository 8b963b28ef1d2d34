import { model } from "@medusajs/framework/utils"

/**
 * 模板消息 sends: one row per notice and member, with what happened: sent (errcode 0),
 * failed (WeChat's errcode and errmsg), or skipped because the member opted out of WeChat
 * messages or does not follow the account.
 */
export const OfficialAccountTemplateSend = model
  .define("wechat_oa_template_send", {
    id: model.id({ prefix: "oatpl" }).primaryKey(),
    notice_key: model.text(),
    customer_id: model.text(),
    openid: model.text().nullable(),
    template_id: model.text(),
    outcome: model.enum(["sent", "failed", "opted_out", "not_following"]),
    errcode: model.number().nullable(),
    errmsg: model.text().nullable(),
  })
  .indexes([{ on: ["notice_key", "customer_id"], unique: true, where: "deleted_at is null" }])
