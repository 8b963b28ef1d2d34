import { Module } from "@medusajs/framework/utils"
import WechatOfficialAccountModuleService from "./service"

export const WECHAT_OFFICIAL_ACCOUNT_MODULE = "wechatOfficialAccount"

export default Module(WECHAT_OFFICIAL_ACCOUNT_MODULE, {
  service: WechatOfficialAccountModuleService,
})
