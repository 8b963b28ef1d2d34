import { model } from "@medusajs/framework/utils"

/**
 * 群发: one send of a micro-site article, landing page or product to all followers or one WeChat
 * tag. `month` (Asia/Shanghai, YYYY-MM) counts the account's monthly quota: a send WeChat
 * accepted (submitted, then finished or send_failed) uses one; a refused one does not.
 * MASSSENDJOBFINISH fills in the counts.
 */
export const OfficialAccountMassSend = model
  .define("wechat_oa_mass_send", {
    id: model.id({ prefix: "oamass" }).primaryKey(),
    content_type: model.enum(["article", "landing_page", "product"]),
    content_id: model.text(),
    title: model.text(),
    audience: model.enum(["all", "tag"]),
    tag_id: model.number().nullable(),
    month: model.text(),
    status: model.enum(["sending", "submitted", "finished", "send_failed", "refused", "failed"]),
    media_id: model.text().nullable(),
    /** The cover picture's permanent material (wechat_oa_thumb_material). */
    thumb_media_id: model.text().nullable(),
    msg_id: model.text().nullable(),
    msg_data_id: model.text().nullable(),
    errcode: model.number().nullable(),
    errmsg: model.text().nullable(),
    /** MASSSENDJOBFINISH's Status: "send success", "send fail" or "err(<code>)". */
    job_status: model.text().nullable(),
    total_count: model.number().nullable(),
    filter_count: model.number().nullable(),
    sent_count: model.number().nullable(),
    error_count: model.number().nullable(),
    finished_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["month", "status"] }, { on: ["msg_id"] }])
