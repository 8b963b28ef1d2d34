import { Module } from "@medusajs/framework/utils"
import WebPushSubscriptionModuleService from "./service"

export const WEB_PUSH_SUBSCRIPTION_MODULE = "webPushSubscription"

export default Module(WEB_PUSH_SUBSCRIPTION_MODULE, {
  service: WebPushSubscriptionModuleService,
})
