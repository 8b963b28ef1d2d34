import { Module } from "@medusajs/framework/utils"
import EscortReviewModuleService from "./service"

export const ESCORT_REVIEW_MODULE = "escortReview"

export default Module(ESCORT_REVIEW_MODULE, {
  service: EscortReviewModuleService,
})
