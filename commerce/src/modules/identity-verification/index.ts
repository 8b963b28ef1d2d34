import { Module } from "@medusajs/framework/utils"
import IdentityVerificationModuleService from "./service"

export const IDENTITY_VERIFICATION_MODULE = "identityVerification"

export default Module(IDENTITY_VERIFICATION_MODULE, {
  service: IdentityVerificationModuleService,
})
