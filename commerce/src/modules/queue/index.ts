import { Module } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../../lib/queue/jobs"
import QueueModuleService from "./service"

export { QUEUE_MODULE }

export default Module(QUEUE_MODULE, {
  service: QueueModuleService,
})
