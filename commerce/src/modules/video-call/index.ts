import { Module } from "@medusajs/framework/utils"
import VideoCallModuleService from "./service"

export const VIDEO_CALL_MODULE = "videoCall"

export default Module(VIDEO_CALL_MODULE, {
  service: VideoCallModuleService,
})
