import {
  describeCollectionChoice,
  isOnSiteCollection,
  readCollectionChoice,
} from "../appointments/collection-choice"
import { createCmsClient } from "../cms/client"
import { createCheckoutClient } from "../commerce/checkout-client"
import { createCommerceClient } from "../commerce/client"
import { findVariant, lowestPrice } from "../commerce/pricing"
import type { Product } from "../commerce/types"
import { ApiError } from "../http"
import { recordingFetch } from "./support/recording-fetch"

describe("commerce client", () => {
  it("lists products with the region, category filter, fields and publishable key, cached by tag", async () => {
    const { fetch, calls } = recordingFetch({ body: { products: [], count: 0 } })
    const client = createCommerceClient({ baseUrl: "http://shop/", publishableKey: "pk_1", fetch })
    await client.listProducts({ regionId: "reg_1", categoryIds: ["c1", "c2"], limit: 12 })

    const url = new URL(calls[0].url)
    expect(url.origin + url.pathname).toBe("http://shop/store/products")
    expect(url.searchParams.get("region_id")).toBe("reg_1")
    expect(url.searchParams.getAll("category_id[]")).toEqual(["c1", "c2"])
    expect(url.searchParams.get("fields")).toContain("*variants.calculated_price")
    expect((calls[0].init?.headers as Record<string, string>)["x-publishable-api-key"]).toBe("pk_1")
    expect(calls[0].init?.cacheHint).toEqual({ tags: ["products"], revalidate: 10 })
  })

  it("names the mini-program in x-storefront-channel, and sends no channel for the web", async () => {
    const { fetch, calls } = recordingFetch({ body: { products: [], count: 0 } })
    const mini = createCommerceClient({
      baseUrl: "http://shop",
      publishableKey: "pk",
      fetch,
      channel: "miniprogram",
    })
    const web = createCommerceClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    await mini.listProducts({ regionId: "reg_1" })
    await web.listProducts({ regionId: "reg_1" })
    const headers = calls.map((call) => call.init?.headers as Record<string, string>)
    expect(headers[0]["x-storefront-channel"]).toBe("miniprogram")
    expect(headers[1]).not.toHaveProperty("x-storefront-channel")
  })

  it("never caches cart calls", async () => {
    const { fetch, calls } = recordingFetch({ body: { cart: { id: "cart_1", items: [] } } })
    const client = createCommerceClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    await client.addLineItem("cart_1", "variant_1", 2)
    expect(calls[0].url).toBe("http://shop/store/carts/cart_1/line-items")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      variant_id: "variant_1",
      quantity: 2,
    })
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })

  it("turns Medusa's error body into an ApiError with its message", async () => {
    const { fetch } = recordingFetch({
      status: 400,
      body: { type: "invalid_data", message: "Variant is out of stock" },
    })
    const client = createCommerceClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    const error = await client.addLineItem("c", "v", 1).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 400,
      type: "invalid_data",
      message: "Variant is out of stock",
    })
  })

  it("sends a member's token with every cart call, and none for a visitor", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { cart: { id: "cart_1", items: [] } } },
      { body: { cart: { id: "cart_1", items: [] } } },
      { body: { cart: { id: "cart_1", items: [] } } },
      { body: { cart: { id: "cart_1", items: [] } } },
      { body: {} },
      { body: { cart: { id: "cart_1", items: [] } } }
    )
    const client = createCommerceClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    await client.createCart("reg_1", "tok")
    await client.getCart("cart_1", "tok")
    await client.addLineItem("cart_1", "variant_1", 1, "tok")
    await client.updateLineItem("cart_1", "line_1", 2, "tok")
    await client.deleteLineItem("cart_1", "line_1", "tok")
    await client.getCart("cart_1")
    const authorization = (i: number) =>
      (calls[i].init?.headers as Record<string, string>).authorization
    expect([0, 1, 2, 3, 4].map(authorization)).toEqual(Array(5).fill("Bearer tok"))
    expect(authorization(5)).toBeUndefined()
  })

  it("treats a missing cart as null, so a stale cookie starts a new cart", async () => {
    const { fetch } = recordingFetch({
      status: 404,
      body: { type: "not_found", message: "Cart not found" },
    })
    const client = createCommerceClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    await expect(client.getCart("gone")).resolves.toBeNull()
  })
})

describe("checkout client", () => {
  it("sets the cart's store credit with the member's token and answers numeric totals", async () => {
    const { fetch, calls } = recordingFetch({
      body: { cart: { id: "cart_1", total: "399.5", credit_line_total: 100 } },
    })
    const client = createCheckoutClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    expect(await client.setStoreCredit("cart_1", 100, "tok")).toEqual({
      total: 399.5,
      credit_line_total: 100,
    })
    expect(calls[0].url).toBe("http://shop/store/carts/cart_1/store-credit")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ amount: 100 })
    const headers = calls[0].init?.headers as Record<string, string>
    expect(headers.authorization).toBe("Bearer tok")
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })
})

describe("reading a placed order", () => {
  it("opens a guest's order with the token its checkout answered, a member's with theirs", async () => {
    const order = { id: "order_1", display_id: 7, email: "guest@example.com", items: [] }
    const { fetch, calls } = recordingFetch(
      { body: { type: "order", order, order_access_token: "123.abc" } },
      { body: { order } },
      { body: { order } },
      { body: { cart: { id: "cart_1" } } }
    )
    const client = createCheckoutClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    const completed = await client.complete("cart_1")
    expect(completed).toMatchObject({ type: "order", order_access_token: "123.abc" })
    await client.order("order_1", undefined, "123.abc")
    await client.order("order_1", "tok")
    await client.wechatSession("cart_1", "tok")
    const headers = (i: number) => calls[i].init?.headers as Record<string, string>
    expect(headers(1)["x-order-token"]).toBe("123.abc")
    expect(headers(1).authorization).toBeUndefined()
    expect(headers(2)["x-order-token"]).toBeUndefined()
    expect(headers(2).authorization).toBe("Bearer tok")
    expect(headers(3).authorization).toBe("Bearer tok")
  })
})

describe("on-site collection at checkout", () => {
  it("asks for shipping option types, and keeps or removes the chosen slot in cart metadata", async () => {
    const { fetch, calls } = recordingFetch(
      {
        body: {
          shipping_options: [
            { id: "so_1", name: "顺丰包邮", amount: 0, type: { code: "mail-in-kit" } },
            { id: "so_2", name: "采集点现场采集", amount: 0, type: { code: "on-site-collection" } },
          ],
        },
      },
      { body: { cart: { id: "cart_1" } } },
      { body: { cart: { id: "cart_1" } } }
    )
    const client = createCheckoutClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    const options = await client.shippingOptions("cart_1", "tok")
    expect(calls[0].url).toBe(
      "http://shop/store/shipping-options?cart_id=cart_1&fields=%2Btype.code"
    )
    // A member's cart answers only its member: the options call carries the token too.
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
    expect(options.map(isOnSiteCollection)).toEqual([false, true])
  })

  it("reads an order's chosen slot from the member's order list", async () => {
    const { fetch, calls } = recordingFetch({
      body: {
        orders: [
          {
            id: "order_1",
            metadata: {
              collection_appointment: {
                site_id: "site-1",
                date: "2026-12-03",
                slot: "09:00-10:00",
              },
            },
          },
        ],
      },
    })
    const client = createCheckoutClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    expect(await client.orderCollectionChoice("order_1", "tok")).toEqual({
      site_id: "site-1",
      site_name: null,
      date: "2026-12-03",
      slot: "09:00-10:00",
    })
    expect(calls[0].url).toBe("http://shop/store/orders?id=order_1&fields=id%2Cmetadata")
  })

  it("reads and describes the slot kept on a cart or order", () => {
    const metadata = {
      collection_appointment: {
        site_id: "site-1",
        site_name: "岳阳楼区采集点",
        date: "2026-12-03",
        slot: "09:00-10:00",
      },
    }
    const choice = readCollectionChoice(metadata)
    expect(choice && describeCollectionChoice(choice)).toBe(
      "岳阳楼区采集点 · 12月3日 周四 09:00-10:00"
    )
    expect(readCollectionChoice({ collection_appointment: "" })).toBeNull()
    expect(readCollectionChoice(null)).toBeNull()
  })
})

describe("cms client", () => {
  const article = {
    documentId: "a",
    title: "T",
    slug: "t",
    publishedAt: "2026-11-24T00:00:00Z",
    cover: { url: "/uploads/a.png" },
  }

  it("reads articles with the token and makes upload URLs absolute for browsers", async () => {
    const { fetch, calls } = recordingFetch({
      body: {
        data: [article],
        meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 1 } },
      },
    })
    const client = createCmsClient({
      baseUrl: "http://cms:1337",
      mediaBaseUrl: "https://cms.example.cn",
      token: "tok",
      fetch,
    })
    const { data, pagination } = await client.listArticles({ category: "gene-science" })

    expect(new URL(calls[0].url).searchParams.get("filters[category][slug][$eq]")).toBe(
      "gene-science"
    )
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
    expect(data[0].cover?.url).toBe("https://cms.example.cn/uploads/a.png")
    expect(pagination.total).toBe(1)
  })

  describe("an article on the 微官网 (the mini-program's article page)", () => {
    const list = (data: unknown[]) => ({
      data,
      meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: data.length } },
    })
    const flag = (url: string) =>
      new URL(url).searchParams.get("filters[publish_to_microsite][$eq]")

    it("the web asks for any published article; the 微官网 only for a flagged one", async () => {
      const { fetch, calls } = recordingFetch({ body: list([article]) }, { body: list([]) })
      const client = createCmsClient({ baseUrl: "http://cms", fetch })
      expect((await client.getArticle("t"))?.title).toBe("T")
      expect(flag(calls[0].url)).toBeNull()
      expect(await client.getArticle("t", { microsite: true })).toBeNull()
      expect(flag(calls[1].url)).toBe("true")
      expect(new URL(calls[1].url).searchParams.get("filters[slug][$eq]")).toBe("t")
    })

    it("shows a flagged article, asking the CMS once", async () => {
      const flagged = { ...article, publish_to_microsite: true, body: "正文" }
      const { fetch, calls } = recordingFetch({ body: list([flagged]) })
      const client = createCmsClient({ baseUrl: "http://cms", mediaBaseUrl: "https://m", fetch })
      const found = await client.getMicrositeArticle("t")
      expect(found).toEqual({
        status: "shown",
        article: expect.objectContaining({
          body: "正文",
          cover: { url: "https://m/uploads/a.png" },
        }),
      })
      expect(calls).toHaveLength(1)
      expect(flag(calls[0].url)).toBe("true")
    })

    it("tells an article published for the web only from one that does not exist, never fetching its body", async () => {
      const { fetch, calls } = recordingFetch(
        { body: list([]) },
        { body: list([{ slug: "t" }]) },
        { body: list([]) },
        { body: list([]) }
      )
      const client = createCmsClient({ baseUrl: "http://cms", fetch })
      expect(await client.getMicrositeArticle("t")).toEqual({ status: "off-microsite" })
      const check = new URL(calls[1].url).searchParams
      expect(check.get("filters[slug][$eq]")).toBe("t")
      expect(check.has("filters[publish_to_microsite][$eq]")).toBe(false)
      // Only the slug: not the body, nor any relation.
      expect(check.get("fields[0]")).toBe("slug")
      expect([...check.keys()].filter((key) => key.startsWith("populate"))).toEqual([])
      expect(await client.getMicrositeArticle("gone")).toEqual({ status: "missing" })
      expect(calls).toHaveLength(4)
    })
  })

  it("shows only banners whose schedule includes now", async () => {
    const banners = [
      { documentId: "1", title: "always", placement: "home_hero" },
      {
        documentId: "2",
        title: "future",
        placement: "home_hero",
        starts_at: "2027-01-01T00:00:00Z",
      },
      { documentId: "3", title: "over", placement: "home_hero", ends_at: "2026-01-01T00:00:00Z" },
    ]
    const { fetch } = recordingFetch({ body: { data: banners, meta: { pagination: {} } } })
    const client = createCmsClient({ baseUrl: "http://cms", fetch })
    const shown = await client.listBanners("home_hero", new Date("2026-11-24T00:00:00Z"))
    expect(shown.map((b) => b.title)).toEqual(["always"])
  })
})

describe("pricing helpers", () => {
  const product = {
    id: "p",
    title: "肿瘤易感基因检测",
    handle: "t",
    variants: [
      {
        id: "v1",
        title: "标准版 / 单人装",
        calculated_price: { calculated_amount: 1999, currency_code: "cny" },
        options: [
          { id: "o1", option_id: "ver", value: "标准版" },
          { id: "o2", option_id: "pack", value: "单人装" },
        ],
      },
      {
        id: "v2",
        title: "尊享版 / 单人装",
        calculated_price: { calculated_amount: "3999", currency_code: "cny" },
        options: [
          { id: "o3", option_id: "ver", value: "尊享版" },
          { id: "o4", option_id: "pack", value: "单人装" },
        ],
      },
    ],
  } as Product

  it("finds the variant matching every chosen option", () => {
    expect(findVariant(product, { ver: "尊享版", pack: "单人装" })?.id).toBe("v2")
    expect(findVariant(product, { ver: "尊享版", pack: "家庭装" })).toBeUndefined()
  })

  it("takes the lowest price across variants", () => {
    expect(lowestPrice(product)).toBe(1999)
    expect(lowestPrice({ ...product, variants: [] })).toBeNull()
  })
})
