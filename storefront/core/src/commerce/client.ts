import type { CacheHint } from "../http"
import { query } from "../http"
import { CART_FIELDS } from "./cart-fields"
import { commerceRequester, type CommerceClientOptions } from "./request"
import type { Cart, Product, ProductCategory, ProductListParams, Region } from "./types"

export type { CommerceClientOptions } from "./request"

const PRODUCT_FIELDS = [
  "*variants.calculated_price",
  "+variants.inventory_quantity",
  "*variants.options",
  "*options",
  "*options.values",
  "*categories",
  "*tags",
  "*images",
].join(",")

/** Typed access to Medusa's store API; pages never build URLs or headers themselves. */
export function createCommerceClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const catalog = (tags: string[]): CacheHint => ({ tags, revalidate: 10 })
  const noStore: CacheHint = "no-store"

  return {
    /** The CNY region (中国) every price is shown in. */
    async getRegion(): Promise<Region> {
      const { regions } = await request<{ regions: Region[] }>("/store/regions", {
        cacheHint: catalog(["regions"]),
      })
      const region = regions.find((r) => r.currency_code === "cny") ?? regions[0]
      if (!region) throw new Error("商城未配置销售区域")
      return region
    },

    /** The three browsing facets (按系列 / 按用途 / 按人群) with their children. */
    async listCategoryTree(): Promise<ProductCategory[]> {
      const { product_categories } = await request<{ product_categories: ProductCategory[] }>(
        `/store/product-categories${query({ parent_category_id: "null", include_descendants_tree: true, limit: 100 })}`,
        { cacheHint: catalog(["categories"]) }
      )
      return product_categories
    },

    async listProducts(params: ProductListParams): Promise<{ products: Product[]; count: number }> {
      return request(
        `/store/products${query({
          region_id: params.regionId,
          "category_id[]": params.categoryIds,
          "tag_id[]": params.tagIds,
          "handle[]": params.handles,
          q: params.q,
          limit: params.limit ?? 12,
          offset: params.offset ?? 0,
          order: params.order,
          fields: PRODUCT_FIELDS,
        })}`,
        { cacheHint: catalog(["products"]) }
      )
    },

    /** The ids of the product tags with these values (unknown values are left out). */
    async productTagIds(values: string[]): Promise<string[]> {
      if (!values.length) return []
      const { product_tags } = await request<{ product_tags: { id: string; value: string }[] }>(
        `/store/product-tags${query({ "value[]": values, limit: 100, fields: "id,value" })}`,
        { cacheHint: catalog(["product-tags"]) }
      )
      return product_tags.filter((tag) => values.includes(tag.value)).map((tag) => tag.id)
    },

    async getProduct(handle: string, regionId: string): Promise<Product | null> {
      const { products } = await request<{ products: Product[] }>(
        `/store/products${query({ handle, region_id: regionId, fields: PRODUCT_FIELDS })}`,
        { cacheHint: catalog(["products", `product:${handle}`]) }
      )
      return products[0] ?? null
    },

    /**
     * Cart calls take the member's token when there is one: a member's cart answers only to
     * them (commerce says 404 to anyone else, the signed-out browser included).
     */
    async createCart(regionId: string, token?: string): Promise<Cart> {
      const { cart } = await request<{ cart: Cart }>("/store/carts", {
        method: "POST",
        body: JSON.stringify({ region_id: regionId }),
        cacheHint: noStore,
        token,
      })
      return cart
    },

    async getCart(cartId: string, token?: string): Promise<Cart | null> {
      try {
        const { cart } = await request<{ cart: Cart }>(
          `/store/carts/${cartId}${query({ fields: CART_FIELDS })}`,
          {
            cacheHint: noStore,
            token,
          }
        )
        return cart
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null
        throw error
      }
    },

    async addLineItem(
      cartId: string,
      variantId: string,
      quantity: number,
      token?: string
    ): Promise<Cart> {
      const { cart } = await request<{ cart: Cart }>(`/store/carts/${cartId}/line-items`, {
        method: "POST",
        body: JSON.stringify({ variant_id: variantId, quantity }),
        cacheHint: noStore,
        token,
      })
      return cart
    },

    async updateLineItem(
      cartId: string,
      lineId: string,
      quantity: number,
      token?: string
    ): Promise<Cart> {
      const { cart } = await request<{ cart: Cart }>(
        `/store/carts/${cartId}/line-items/${lineId}`,
        {
          method: "POST",
          body: JSON.stringify({ quantity }),
          cacheHint: noStore,
          token,
        }
      )
      return cart
    },

    async deleteLineItem(cartId: string, lineId: string, token?: string): Promise<void> {
      await request(`/store/carts/${cartId}/line-items/${lineId}`, {
        method: "DELETE",
        cacheHint: noStore,
        token,
      })
    },
  }
}

export type CommerceClient = ReturnType<typeof createCommerceClient>
