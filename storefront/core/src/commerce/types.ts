/** The parts of Medusa 2's store API shapes that the storefronts use. */

export type Money = number | string

export type CalculatedPrice = {
  calculated_amount: Money
  original_amount?: Money
  currency_code: string
}

export type VariantOption = {
  id: string
  value: string
  option_id?: string
  option?: { id: string; title: string }
}

export type Variant = {
  id: string
  title: string
  sku?: string | null
  calculated_price?: CalculatedPrice | null
  options?: VariantOption[]
  inventory_quantity?: number | null
  manage_inventory?: boolean
}

export type ProductOption = { id: string; title: string; values: { id: string; value: string }[] }

export type ProductCategory = {
  id: string
  name: string
  handle: string
  parent_category_id?: string | null
  category_children?: ProductCategory[]
}

export type Product = {
  id: string
  title: string
  subtitle?: string | null
  handle: string
  description?: string | null
  thumbnail?: string | null
  images?: { id: string; url: string }[]
  options?: ProductOption[]
  variants?: Variant[]
  categories?: ProductCategory[]
  tags?: { id: string; value: string }[]
  metadata?: Record<string, unknown> | null
}

export type Region = { id: string; name: string; currency_code: string }

export type CartLine = {
  id: string
  title: string
  subtitle?: string | null
  thumbnail?: string | null
  variant_id: string
  variant_title?: string | null
  product_title?: string | null
  product_handle?: string | null
  quantity: number
  unit_price: Money
  total?: Money
  subtotal?: Money
  /** Checkout keeps the line's test method here (see appointments/test-method). */
  metadata?: Record<string, unknown> | null
  /** `metadata.kind` tells a gene test (the lines that get a test method). */
  product?: { metadata?: Record<string, unknown> | null } | null
  /** What promotions take off this line (Medusa's line adjustments). */
  adjustments?: PromotionAdjustment[] | null
}

export type PromotionAdjustment = { id: string; code?: string | null; amount: Money }

/** A promotion on a cart: a code the shopper typed, or an automatic one Medusa applied. */
export type CartPromotion = { id: string; code?: string | null; is_automatic?: boolean | null }

export type Cart = {
  id: string
  region_id: string
  currency_code: string
  items: CartLine[]
  item_subtotal?: Money
  subtotal?: Money
  total?: Money
  shipping_total?: Money
  discount_total?: Money
  /** The total before promotions. */
  original_total?: Money
  promotions?: CartPromotion[] | null
  shipping_methods?: { id: string; adjustments?: PromotionAdjustment[] | null }[] | null
}

export type ProductListParams = {
  regionId: string
  categoryIds?: string[]
  /** Products with any of these tags (the 热销 / 新品 filter). */
  tagIds?: string[]
  /** Just these products (a 专题页's chosen products). */
  handles?: string[]
  q?: string
  limit?: number
  offset?: number
  order?: string
}
