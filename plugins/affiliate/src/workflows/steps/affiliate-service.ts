import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"

export const affiliateService = (container: MedusaContainer) =>
  container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
