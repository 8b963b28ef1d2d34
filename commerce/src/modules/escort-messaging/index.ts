import { Module } from "@medusajs/framework/utils"
import EscortMessagingModuleService from "./service"

export const ESCORT_MESSAGING_MODULE = "escortMessaging"

export default Module(ESCORT_MESSAGING_MODULE, {
  service: EscortMessagingModuleService,
})
