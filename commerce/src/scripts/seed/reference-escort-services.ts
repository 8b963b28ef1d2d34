import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createProductsWorkflow,
  createProductTagsWorkflow,
  createProductTypesWorkflow,
  createSalesChannelsWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  ESCORT_PRODUCT_TYPE,
  ESCORT_SALES_CHANNEL,
  ESCORT_SERVICE_KIND,
  type EscortServiceMetadata,
} from "../../modules/escort/catalogue"

/** Extras every service offers, priced in fen (the price rule adds each once). */
const EXTRAS: EscortServiceMetadata["extras"] = [
  { code: "wheelchair", label: "轮椅协助", price_fen: 3000 },
  { code: "dialect", label: "方言陪同", price_fen: 2000 },
  { code: "pickup", label: "上门接送", price_fen: 8000 },
]

export const ESCORT_SPECIALTIES = ["儿科", "孕产", "肿瘤康复", "异地就医"] as const

/** The escort services offered, in whole yuan (Medusa's CNY amounts) and fen for the rule. */
export const ESCORT_SERVICES = [
  {
    handle: "escort-half-day",
    title: "半日陪诊",
    description: "4 小时内陪同挂号、候诊、就诊、检查、缴费取药，超时按小时计费",
    price_yuan: 199,
    duration_hours: 4,
    extra_hour_fen: 5000,
    specialties: ["儿科", "孕产", "肿瘤康复", "异地就医"],
  },
  {
    handle: "escort-full-day",
    title: "全日陪诊",
    description: "8 小时全程陪同就医，适合多项检查或异地就医",
    price_yuan: 359,
    duration_hours: 8,
    extra_hour_fen: 5000,
    specialties: ["儿科", "孕产", "肿瘤康复", "异地就医"],
  },
  {
    handle: "escort-report-errand",
    title: "代取报告/代问诊",
    description: "2 小时内代取检查报告、代为向医生问诊并转述医嘱",
    price_yuan: 99,
    duration_hours: 2,
    extra_hour_fen: 4000,
    specialties: ["肿瘤康复", "异地就医"],
  },
  {
    handle: "escort-inpatient-care",
    title: "住院陪护",
    description: "12 小时日间住院陪护，协助检查、用餐与出入院手续",
    price_yuan: 399,
    duration_hours: 12,
    extra_hour_fen: 4000,
    specialties: ["孕产", "肿瘤康复", "异地就医"],
  },
] as const

async function ensureEscortSalesChannel(container: MedusaContainer): Promise<string> {
  const [existing] = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({ name: ESCORT_SALES_CHANNEL })
  if (existing) return existing.id
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [{ name: ESCORT_SALES_CHANNEL, description: "陪诊服务（小程序与 H5）" }],
    },
  })
  return result[0].id
}

/**
 * The 陪诊 services as Medusa products (reference data: the escort booking prices from
 * them). They sell through their own sales channel, so the shop's gene-test catalogue
 * does not list them; they need no shipping (no shipping profile, no inventory).
 */
export async function ensureEscortServices(container: MedusaContainer): Promise<void> {
  const products = container.resolve(Modules.PRODUCT)
  const salesChannelId = await ensureEscortSalesChannel(container)
  let [type] = await products.listProductTypes({ value: ESCORT_PRODUCT_TYPE })
  if (!type) {
    const { result } = await createProductTypesWorkflow(container).run({
      input: { product_types: [{ value: ESCORT_PRODUCT_TYPE }] },
    })
    type = result[0]
  }
  const tags = await products.listProductTags({ value: [...ESCORT_SPECIALTIES] })
  const missingTags = ESCORT_SPECIALTIES.filter((value) => !tags.some((t) => t.value === value))
  if (missingTags.length) {
    await createProductTagsWorkflow(container).run({
      input: { product_tags: missingTags.map((value) => ({ value })) },
    })
  }
  const tagIds = Object.fromEntries(
    (await products.listProductTags({ value: [...ESCORT_SPECIALTIES] })).map((t) => [t.value, t.id])
  )
  const existing = await products.listProducts(
    { handle: ESCORT_SERVICES.map((s) => s.handle) },
    { select: ["handle"] }
  )
  const missing = ESCORT_SERVICES.filter((s) => !existing.some((e) => e.handle === s.handle))
  if (!missing.length) return
  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((service) => ({
        title: service.title,
        handle: service.handle,
        description: service.description,
        status: ProductStatus.PUBLISHED,
        type_id: type.id,
        tag_ids: service.specialties.map((s) => tagIds[s]),
        options: [{ title: "规格", values: ["标准"] }],
        variants: [
          {
            title: "标准",
            sku: service.handle.toUpperCase(),
            options: { 规格: "标准" },
            manage_inventory: false,
            prices: [{ currency_code: "cny", amount: service.price_yuan }],
          },
        ],
        sales_channels: [{ id: salesChannelId }],
        metadata: {
          kind: ESCORT_SERVICE_KIND,
          escort: {
            duration_hours: service.duration_hours,
            extra_hour_fen: service.extra_hour_fen,
            extras: EXTRAS,
          } satisfies EscortServiceMetadata,
        },
      })),
    },
  })
}
