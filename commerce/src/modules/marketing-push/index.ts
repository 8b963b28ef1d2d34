import { Module } from "@medusajs/framework/utils"
import MarketingPushModuleService from "./service"

export const MARKETING_PUSH_MODULE = "marketingPush"

export default Module(MARKETING_PUSH_MODULE, {
  service: MarketingPushModuleService,
})
