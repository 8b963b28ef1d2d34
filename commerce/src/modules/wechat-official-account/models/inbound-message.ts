import { model } from "@medusajs/framework/utils"

/**
 * A message or event WeChat delivered to the server URL, once per `dedupe_key` (MsgId, or
 * FromUserName + CreateTime + Event for events): WeChat retries three times when it has no
 * answer within 5 s, and a retry gets the reply the first delivery made (`reply_xml`,
 * plaintext; null while the first is still being answered or when it answered nothing).
 */
export const OfficialAccountInboundMessage = model
  .define("wechat_oa_inbound_message", {
    id: model.id({ prefix: "oamsg" }).primaryKey(),
    dedupe_key: model.text(),
    openid: model.text(),
    msg_type: model.text(),
    event: model.text().nullable(),
    content: model.text().nullable(),
    reply_xml: model.text().nullable(),
  })
  .indexes([{ on: ["dedupe_key"], unique: true, where: "deleted_at is null" }])
