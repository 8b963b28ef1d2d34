import { Module } from "@medusajs/framework/utils"
import EscortDispatchModuleService from "./service"

export const ESCORT_DISPATCH_MODULE = "escortDispatch"

export default Module(ESCORT_DISPATCH_MODULE, {
  service: EscortDispatchModuleService,
})
