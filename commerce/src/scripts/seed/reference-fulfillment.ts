import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const LOCATION_NAME = "岳阳中心仓"

/**
 * What selling needs before the first product: the default shipping profile, the
 * warehouse, and the two ways a sampling kit reaches a member (mail-in kit, on-site).
 */
export async function ensureFulfillment(
  container: MedusaContainer,
  salesChannelId: string,
  regionId: string
) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  let [shippingProfile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "默认配送", type: "default" }] },
    })
    shippingProfile = result[0]
  }

  const [existingLocation] = await stockLocations.listStockLocations({ name: LOCATION_NAME })
  if (existingLocation) {
    return { shippingProfileId: shippingProfile.id, locationId: existingLocation.id }
  }

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: LOCATION_NAME,
          address: {
            country_code: "CN",
            province: "湖南省",
            city: "岳阳市",
            address_1: "岳阳楼区巴陵中路 1 号",
          },
        },
      ],
    },
  })
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores()
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: location.id } },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "采样盒寄送",
    type: "shipping",
    service_zones: [{ name: "中国大陆", geo_zones: [{ country_code: "cn", type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  const rules = [
    { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
    { attribute: "is_return", value: "false", operator: "eq" as const },
  ]
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "顺丰包邮（采样盒寄送）",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: {
          label: "顺丰包邮",
          description: "采样盒 1-3 天送达，含回寄信封",
          code: "mail-in-kit",
        },
        prices: [
          { currency_code: "cny", amount: 0 },
          { region_id: regionId, amount: 0 },
        ],
        rules,
      },
      {
        name: "采集点现场采集",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: {
          label: "现场采集",
          description: "预约后到采集点由专业人员采样",
          code: "on-site-collection",
        },
        prices: [
          { currency_code: "cny", amount: 0 },
          { region_id: regionId, amount: 0 },
        ],
        rules,
      },
    ],
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannelId] },
  })
  return { shippingProfileId: shippingProfile.id, locationId: location.id }
}
