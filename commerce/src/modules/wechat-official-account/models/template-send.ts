import { model } from "@medusajs/framework/utils"

/**
 * 模板消息 sends: one row per notice and member, with what happened: sent (errcode 0),
 * failed (WeChat's errcode and errmsg), or skipped because the member opted out of WeChat
 * messages or does not follow the account. WeChat reports a sent one's delivery later
 * (TEMPLATESENDJOBFINISH, by msg_id).
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
    /** WeChat's msgid of a sent message: TEMPLATESENDJOBFINISH names it. */
    msg_id: model.text().nullable(),
    /** TEMPLATESENDJOBFINISH's outcome: delivered, blocked by the user, or WeChat's failure. */
    delivery: model.enum(["delivered", "user_blocked", "system_failed", "other"]).nullable(),
    /** Its Status as WeChat wrote it ("success", "failed:user block", "failed: system failed"). */
    delivery_status: model.text().nullable(),
    delivery_reported_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["notice_key", "customer_id"], unique: true, where: "deleted_at is null" },
    { on: ["msg_id"], where: "deleted_at is null" },
  ])
