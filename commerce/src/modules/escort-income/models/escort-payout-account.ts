import { model } from "@medusajs/framework/utils"

/**
 * The WeChat account an escort bound in the mini-program's escort mode (wx.login →
 * code2session), so finance can pay their withdrawals by 商家转账. Escorts sign in by
 * phone and have no openid otherwise. One account per escort, one escort per openid.
 */
export const EscortPayoutAccount = model
  .define("escort_payout_account", {
    id: model.id({ prefix: "escpa" }).primaryKey(),
    escort_id: model.text(),
    wechat_openid: model.text(),
    wechat_unionid: model.text().nullable(),
    bound_at: model.dateTime(),
  })
  .indexes([
    { on: ["escort_id"], unique: true, where: "deleted_at is null" },
    { on: ["wechat_openid"], unique: true, where: "deleted_at is null" },
  ])
