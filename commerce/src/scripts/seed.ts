import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  PriceListStatus,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createCustomerGroupsWorkflow,
  createInventoryLevelsWorkflow,
  createPriceListsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createProductTagsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  categoryFacets,
  FAMILY_PACK_FACTOR_PERCENT,
  PACK_OPTION,
  PACKS,
  products,
  VERSION_OPTION,
  VERSIONS,
} from "../seed/catalog"
import { productImageSvg } from "../seed/product-image"
import { SUPER_ADMIN } from "../modules/access/permissions"
import { grantStaffRoleWorkflow } from "../workflows/access/grant-staff-role"
import { GROUP_MEMBER_CUSTOMER_GROUP } from "../lib/membership/membership-terms"

export const DEMO_ADMIN = {
  email: process.env.MEDUSA_ADMIN_EMAIL || "admin@health.local",
  password: process.env.MEDUSA_ADMIN_PASSWORD || "Admin12345",
}
export const DEMO_CUSTOMER = {
  email: process.env.DEMO_CUSTOMER_EMAIL || "demo@health.local",
  password: process.env.DEMO_CUSTOMER_PASSWORD || "Demo12345",
}

const SALES_CHANNEL_NAME = "官网及小程序"
const SALES_CHANNEL_DESCRIPTION = "PC 官网、H5 与微信小程序"
const REGION_NAME = "中国"
const LOCATION_NAME = "岳阳中心仓"
const GROUP_PRICE_LIST_TITLE = "团体会员价"
/** The demo 团体会员 price: 9折 on one product, so the customer group's effect shows. */
const GROUP_PRICE = { handle: "drug-metabolism-gene-test", percent: 90 }

/**
 * Demo data in Chinese. Every step looks for what it would create first, so
 * running the seed again changes nothing and never duplicates.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const salesChannel = await ensureSalesChannel(container)
  const region = await ensureRegion(container)
  await ensureStore(container, salesChannel.id)
  const { shippingProfileId, locationId } = await ensureFulfillment(
    container,
    salesChannel.id,
    region.id
  )
  await ensurePublishableKey(container, salesChannel.id)
  const categoryIds = await ensureCategories(container)
  const tagIds = await ensureTags(container)
  const created = await ensureProducts(container, {
    salesChannelId: salesChannel.id,
    shippingProfileId,
    categoryIds,
    tagIds,
  })
  await ensureInventory(container, locationId)
  await ensureGroupMemberPricing(container)
  await ensureAdmin(container)
  await ensureDemoCustomer(container)
  logger.info(`Seed complete (${created} new products).`)
}

async function ensureSalesChannel(container: MedusaContainer) {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (existing) {
    return existing
  }
  // Medusa creates a default channel (and key) on first boot: adopt it rather than add a
  // second channel, which would make the publishable key ambiguous for carts.
  const [medusaDefault] = await salesChannels.listSalesChannels({ name: "Default Sales Channel" })
  if (medusaDefault) {
    return salesChannels.updateSalesChannels(medusaDefault.id, {
      name: SALES_CHANNEL_NAME,
      description: SALES_CHANNEL_DESCRIPTION,
    })
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: SALES_CHANNEL_DESCRIPTION }],
    },
  })
  return result[0]
}

/** Payment providers the region offers: WeChat Pay whenever it is configured. */
function regionPaymentProviders(): string[] {
  return ["pp_system_default", ...(process.env.WECHATPAY_MCHID ? ["pp_wechatpay_wechatpay"] : [])]
}

async function ensureRegion(container: MedusaContainer) {
  const regions = container.resolve(Modules.REGION)
  const [existing] = await regions.listRegions({ name: REGION_NAME })
  if (existing) {
    // WeChat Pay may have been configured after the first seed.
    await updateRegionsWorkflow(container).run({
      input: {
        selector: { id: existing.id },
        update: { payment_providers: regionPaymentProviders() },
      },
    })
    return existing
  }
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: REGION_NAME,
          currency_code: "cny",
          countries: ["cn"],
          payment_providers: regionPaymentProviders(),
          automatic_taxes: true,
        },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "cn", provider_id: "tp_system" }],
  })
  return result[0]
}

async function ensureStore(container: MedusaContainer, salesChannelId: string) {
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "健康服务平台",
        supported_currencies: [{ currency_code: "cny", is_default: true }],
        default_sales_channel_id: salesChannelId,
      },
    },
  })
}

async function ensureFulfillment(
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

async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string) {
  const apiKeys = container.resolve(Modules.API_KEY)
  let key = (await apiKeys.listApiKeys({ type: "publishable" })).find((k) => !k.revoked_at)
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "官网及小程序", type: "publishable", created_by: "seed" }] },
    })
    key = result[0]
  }
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key.id, add: [salesChannelId] },
  })
  return key
}

async function ensureCategories(container: MedusaContainer): Promise<Record<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const ids: Record<string, string> = {}
  for (const [rank, facet] of categoryFacets.entries()) {
    let [parent] = await productModule.listProductCategories({ handle: facet.handle })
    if (!parent) {
      const { result } = await createProductCategoriesWorkflow(container).run({
        input: {
          product_categories: [
            {
              name: facet.name,
              handle: facet.handle,
              description: facet.description,
              is_active: true,
              rank,
            },
          ],
        },
      })
      parent = result[0]
    }
    ids[facet.handle] = parent.id
    for (const [childRank, child] of facet.children.entries()) {
      let [existing] = await productModule.listProductCategories({ handle: child.handle })
      if (!existing) {
        const { result } = await createProductCategoriesWorkflow(container).run({
          input: {
            product_categories: [
              {
                name: child.name,
                handle: child.handle,
                parent_category_id: parent.id,
                is_active: true,
                rank: childRank,
              },
            ],
          },
        })
        existing = result[0]
      }
      ids[child.handle] = existing.id
    }
  }
  return ids
}

async function ensureTags(container: MedusaContainer): Promise<Record<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const wanted = [...new Set(products.flatMap((product) => product.tags))]
  const existing = await productModule.listProductTags({ value: wanted })
  const missing = wanted.filter((value) => !existing.some((tag) => tag.value === value))
  if (missing.length) {
    await createProductTagsWorkflow(container).run({
      input: { product_tags: missing.map((value) => ({ value })) },
    })
  }
  const all = await productModule.listProductTags({ value: wanted })
  return Object.fromEntries(all.map((tag) => [tag.value, tag.id]))
}

async function ensureProducts(
  container: MedusaContainer,
  refs: {
    salesChannelId: string
    shippingProfileId: string
    categoryIds: Record<string, string>
    tagIds: Record<string, string>
  }
): Promise<number> {
  const productModule = container.resolve(Modules.PRODUCT)
  const files = container.resolve(Modules.FILE)
  const existing = await productModule.listProducts(
    { handle: products.map((p) => p.handle) },
    { select: ["handle"] }
  )
  const missing = products.filter((product) => !existing.some((e) => e.handle === product.handle))

  for (const product of missing) {
    const [image] = await files.createFiles([
      {
        filename: `${product.handle}.svg`,
        mimeType: "image/svg+xml",
        content: Buffer.from(
          productImageSvg(product.title, product.subtitle, product.palette)
        ).toString("base64"),
        access: "public",
      },
    ])
    const variants = VERSIONS.flatMap((version, versionIndex) =>
      PACKS.map((pack, packIndex) => {
        const single = versionIndex === 0 ? product.basePrice : product.premiumPrice
        // Family packs are priced in whole yuan: integer arithmetic, never floats.
        const amount =
          packIndex === 0 ? single : Math.round((single * FAMILY_PACK_FACTOR_PERCENT) / 100)
        return {
          title: `${version} / ${pack}`,
          sku: `${product.handle}-${versionIndex === 0 ? "std" : "pro"}-${packIndex === 0 ? "1" : "2"}`.toUpperCase(),
          options: { [VERSION_OPTION]: version, [PACK_OPTION]: pack },
          manage_inventory: true,
          prices: [{ currency_code: "cny", amount }],
          metadata: { persons: packIndex === 0 ? 1 : 2 },
        }
      })
    )
    await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title: product.title,
            subtitle: product.subtitle,
            handle: product.handle,
            description: product.description,
            status: ProductStatus.PUBLISHED,
            thumbnail: image.url,
            images: [{ url: image.url }],
            shipping_profile_id: refs.shippingProfileId,
            category_ids: product.categories.map((handle) => refs.categoryIds[handle]),
            tag_ids: product.tags.map((tag) => refs.tagIds[tag]),
            options: [
              { title: VERSION_OPTION, values: [...VERSIONS] },
              { title: PACK_OPTION, values: [...PACKS] },
            ],
            variants,
            sales_channels: [{ id: refs.salesChannelId }],
            metadata: {
              kind: "gene_test",
              sample_type: product.sampleType,
              turnaround_days: product.turnaroundDays,
              item_count: product.itemCount,
              // The affiliate plugin's per-product level-1 percent (overrides the programme's).
              ...(product.cashbackRatio !== undefined
                ? { affiliate_rates: String(Math.round(product.cashbackRatio * 10_000) / 100) }
                : {}),
            },
          },
        ],
      },
    })
  }
  return missing.length
}

async function ensureInventory(container: MedusaContainer, locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "location_levels.location_id"],
  })
  const missing = items.filter(
    (item) =>
      !(item.location_levels ?? []).some(
        (level: { location_id?: string } | null) => level?.location_id === locationId
      )
  )
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: missing.map((item) => ({
          location_id: locationId,
          inventory_item_id: item.id,
          stocked_quantity: 10000,
        })),
      },
    })
  }
}

async function ensureGroupMemberPricing(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  let [group] = await customers.listCustomerGroups({ name: GROUP_MEMBER_CUSTOMER_GROUP })
  if (!group) {
    const { result } = await createCustomerGroupsWorkflow(container).run({
      input: { customersData: [{ name: GROUP_MEMBER_CUSTOMER_GROUP, created_by: "seed" }] },
    })
    group = result[0]
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({
    entity: "price_list",
    fields: ["id"],
    filters: { title: GROUP_PRICE_LIST_TITLE },
  })
  if (existing.length) return
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["variants.id", "variants.prices.amount", "variants.prices.currency_code"],
    filters: { handle: GROUP_PRICE.handle },
  })
  type VariantPrices = { id: string; prices?: { amount: number; currency_code: string }[] }
  const variants = (products[0]?.variants ?? []) as unknown as VariantPrices[]
  const prices = variants.flatMap((variant) =>
    (variant.prices ?? [])
      .filter((price) => price.currency_code === "cny")
      .map((price) => ({
        variant_id: variant.id,
        currency_code: "cny",
        // Whole yuan, like every catalogue price.
        amount: Math.round((Number(price.amount) * GROUP_PRICE.percent) / 100),
      }))
  )
  await createPriceListsWorkflow(container).run({
    input: {
      price_lists_data: [
        {
          title: GROUP_PRICE_LIST_TITLE,
          description: "团体会员专享价（演示：药物代谢基因检测 9 折）",
          status: PriceListStatus.ACTIVE,
          rules: { "customer.groups.id": [group.id] },
          prices,
        },
      ],
    },
  })
}

async function ensureAdmin(container: MedusaContainer) {
  const users = container.resolve(Modules.USER)
  const [existing] = await users.listUsers({ email: DEMO_ADMIN.email })
  if (!existing) await createDemoAdmin(container)
  await grantStaffRoleWorkflow(container).run({
    input: { email: DEMO_ADMIN.email, role_code: SUPER_ADMIN },
  })
}

async function createDemoAdmin(container: MedusaContainer) {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  } as never)
  if (!authIdentity) {
    throw new Error(`Could not register the demo admin: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      userData: { email: DEMO_ADMIN.email, first_name: "平台", last_name: "管理员" },
    },
  })
}

async function ensureDemoCustomer(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  const [existing] = await customers.listCustomers({
    email: DEMO_CUSTOMER.email,
    has_account: true,
  })
  if (existing) {
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
  } as never)
  if (!authIdentity) {
    throw new Error(`Could not register the demo customer: ${error}`)
  }
  await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      customerData: {
        email: DEMO_CUSTOMER.email,
        first_name: "演示",
        last_name: "用户",
        phone: "13800000000",
      },
    },
  })
}
