import { Module } from "@medusajs/framework/utils"
import GroupSessionModuleService from "./service"

export const GROUP_SESSION_MODULE = "groupSession"

export default Module(GROUP_SESSION_MODULE, {
  service: GroupSessionModuleService,
})
