import { model } from "@medusajs/framework/utils"

/**
 * 自动回复: a text answered to a keyword (exactly, or contained in the message), to a menu
 * button of type click (its key, exactly), or on follow (关注回复, match empty). The first
 * enabled rule by priority (highest first), then oldest, answers.
 */
export const OfficialAccountReplyRule = model.define("wechat_oa_reply_rule", {
  id: model.id({ prefix: "oarule" }).primaryKey(),
  kind: model.enum(["keyword", "click", "follow"]),
  match: model.text().default(""),
  match_mode: model.enum(["exact", "contains"]).default("exact"),
  reply_text: model.text(),
  enabled: model.boolean().default(true),
  priority: model.number().default(0),
})
