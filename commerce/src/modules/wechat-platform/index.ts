import { Module } from "@medusajs/framework/utils"
import WechatPlatformModuleService from "./service"

export const WECHAT_PLATFORM_MODULE = "wechatPlatform"

export default Module(WECHAT_PLATFORM_MODULE, {
  service: WechatPlatformModuleService,
})
