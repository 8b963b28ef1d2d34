import { model } from "@medusajs/framework/utils"

/**
 * A push a marketer composed in 推送中心: its content, audience filters, channels and
 * time. Status: scheduled → sending → sent, or canceled before it starts.
 */
export const MarketingPush = model
  .define("marketing_push", {
    id: model.id({ prefix: "mpush" }).primaryKey(),
    /** article, product, clinic_session, escort, consultation or custom. */
    content_type: model.text(),
    /** The content's id or slug where it has one (CMS documentId, product id). */
    content_ref: model.text().nullable(),
    title: model.text(),
    body: model.text(),
    /** Where the member lands, e.g. /clinic-sessions/xyz; opened through the tracked link. */
    link: model.text().nullable(),
    /** The audience filters (lib/marketing/audience-filter.ts). */
    audience: model.json(),
    /** Channels chosen: inbox, sms, wechat, wechat-oa, web-push. */
    channels: model.json(),
    send_at: model.dateTime(),
    status: model.enum(["scheduled", "sending", "sent", "canceled"]).default("scheduled"),
    /** Members the audience matched when the send began. */
    targeted: model.number().default(0),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["status", "send_at"] }])
