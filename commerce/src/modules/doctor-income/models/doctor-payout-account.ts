import { model } from "@medusajs/framework/utils"

/**
 * The WeChat account a doctor bound in the mini-program (wx.login → code2session), so
 * finance can pay their withdrawals by 商家转账. Doctors sign in by phone and have no openid
 * otherwise. One account per doctor, one doctor per openid.
 */
export const DoctorPayoutAccount = model
  .define("doctor_payout_account", {
    id: model.id({ prefix: "docpa" }).primaryKey(),
    doctor_id: model.text(),
    wechat_openid: model.text(),
    wechat_unionid: model.text().nullable(),
    bound_at: model.dateTime(),
  })
  .indexes([
    { on: ["doctor_id"], unique: true, where: "deleted_at is null" },
    { on: ["wechat_openid"], unique: true, where: "deleted_at is null" },
  ])
