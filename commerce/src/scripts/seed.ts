import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureDemoCustomer } from "./seed/demo-customer"
import { ensureGroupMemberPricing } from "./seed/demo-group-pricing"
import { ensureInventory } from "./seed/demo-inventory"
import { ensureProducts, ensureTags } from "./seed/demo-products"
import { ensureDemoPromotion } from "./seed/demo-promotions"
import { ensureCategories } from "./seed/reference-categories"
import { ensureEscortServices } from "./seed/reference-escort-services"
import { ensureFulfillment } from "./seed/reference-fulfillment"
import { ensurePublishableKey } from "./seed/reference-publishable-key"
import { ensureRegion } from "./seed/reference-region"
import { ensureStaffRoles } from "./seed/reference-roles"
import { ensureSalesChannel } from "./seed/reference-sales-channel"
import { ensureStoreSettings } from "./seed/reference-store"
import { ensureSuperAdmin } from "./seed/reference-super-admin"
import { wantsDemoData } from "./seed/seed-mode"

export { DEMO_CUSTOMER } from "./seed/demo-customer"

type ReferenceData = { salesChannelId: string; shippingProfileId: string; locationId: string }

/**
 * Every start runs this. Reference data always (what a live shop needs before its first
 * product); demo data only with SEED_DEMO=1. Every step looks for what it would create
 * first, so running the seed again changes nothing and never duplicates.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const reference = await seedReferenceData(container)
  if (!wantsDemoData()) {
    logger.info("Seed complete (reference data; SEED_DEMO=1 adds the demo data).")
    return
  }
  const created = await seedDemoData(container, reference)
  logger.info(`Seed complete (reference and demo data, ${created} new products).`)
}

/**
 * Region, sales channel, store settings, shipping and stock, key, categories, the 陪诊 services,
 * roles, super admin.
 */
export async function seedReferenceData(container: MedusaContainer): Promise<ReferenceData> {
  const salesChannel = await ensureSalesChannel(container)
  const region = await ensureRegion(container)
  await ensureStoreSettings(container, salesChannel.id)
  const { shippingProfileId, locationId } = await ensureFulfillment(
    container,
    salesChannel.id,
    region.id
  )
  await ensurePublishableKey(container, salesChannel.id)
  await ensureCategories(container)
  await ensureEscortServices(container)
  await ensureStaffRoles(container)
  await ensureSuperAdmin(container)
  return { salesChannelId: salesChannel.id, shippingProfileId, locationId }
}

/** The demo catalogue, its stock and group price, the demo coupon, and the demo member. */
export async function seedDemoData(
  container: MedusaContainer,
  reference: ReferenceData
): Promise<number> {
  const categoryIds = await ensureCategories(container)
  const tagIds = await ensureTags(container)
  const created = await ensureProducts(container, {
    salesChannelId: reference.salesChannelId,
    shippingProfileId: reference.shippingProfileId,
    categoryIds,
    tagIds,
  })
  await ensureInventory(container, reference.locationId)
  await ensureGroupMemberPricing(container)
  await ensureDemoPromotion(container)
  await ensureDemoCustomer(container)
  return created
}
