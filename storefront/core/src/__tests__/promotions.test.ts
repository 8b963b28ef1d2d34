import { createPromotionClient } from "../commerce/promotion-client"
import { ApiError } from "../http"
import { cartDiscounts, typedPromotionCodes } from "../promotions/cart-discounts"
import { productBadges } from "../promotions/product-badges"
import {
  PROMOTION_MESSAGES as M,
  promotionRefusalMessage,
  readPromotionError,
} from "../promotions/promotion-refusals"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: Parameters<typeof createPromotionClient>[0]["fetch"]) =>
  createPromotionClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })

const cartWith = (codes: string[]) => ({
  cart: { id: "cart_1", promotions: codes.map((code) => ({ id: `promo_${code}`, code })) },
})

describe("promotion refusals in Chinese", () => {
  it("names every reason, with its date (Asia/Shanghai) or threshold when given", () => {
    expect(promotionRefusalMessage({ reason: "unknown" })).toBe("优惠码不存在，请核对后重新输入")
    expect(
      promotionRefusalMessage({ reason: "expired", ends_at: "2026-11-30T16:00:00.000Z" })
    ).toBe("该优惠码已过期（已于2026年12月1日截止）")
    expect(
      promotionRefusalMessage({ reason: "not_started", starts_at: "2026-12-31T16:30:00.000Z" })
    ).toBe("优惠活动尚未开始（2027年1月1日起可用）")
    expect(promotionRefusalMessage({ reason: "usage_limit" })).toBe(M.usageLimit)
    expect(promotionRefusalMessage({ reason: "minimum_not_met", minimum_amount: "299" })).toBe(
      "未达到该优惠码的使用门槛：商品满 ¥299.00 可用"
    )
    expect(promotionRefusalMessage({ reason: "minimum_not_met" })).toBe(M.minimumNotMet)
    expect(promotionRefusalMessage({ reason: "members_only" })).toBe(M.membersOnly)
    expect(promotionRefusalMessage({ reason: "not_for_products" })).toBe(M.notForProducts)
    expect(promotionRefusalMessage({ reason: "inactive" })).toBe(M.inactive)
    expect(promotionRefusalMessage({ reason: "not_applicable" })).toBe(M.notApplicable)
  })

  it("reads Medusa's refusal of an unknown code, in English or as commerce words it", () => {
    expect(
      readPromotionError(new ApiError(400, "The promotion code NOPE is invalid", "invalid_data"))
    ).toEqual({ reason: "unknown" })
    expect(readPromotionError(new ApiError(400, M.unknown, "invalid_data"))).toEqual({
      reason: "unknown",
    })
    expect(readPromotionError(new ApiError(400, "购物车已失效，请重新选购"))).toEqual({
      message: "购物车已失效，请重新选购",
    })
    expect(readPromotionError(new ApiError(400, "Something else"))).toEqual({
      message: M.unavailable,
    })
    expect(readPromotionError(new Error("network"))).toEqual({ message: M.unavailable })
  })
})

describe("promotion client", () => {
  it("applies a code through Medusa's cart promotions route and reports it applied", async () => {
    const { fetch, calls } = recordingFetch({ body: cartWith(["WELCOME20"]) })
    const outcome = await client(fetch).applyCode("cart_1", "  WELCOME20 ", "tok")
    expect(outcome.applied).toBe(true)
    const url = new URL(calls[0].url)
    expect(url.pathname).toBe("/store/carts/cart_1/promotions")
    expect(url.searchParams.get("fields")).toContain("*promotions")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ promo_codes: ["WELCOME20"] })
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
  })

  it("asks commerce why when Medusa leaves the code off, and says it in Chinese", async () => {
    const { fetch, calls } = recordingFetch(
      { body: cartWith([]) },
      {
        body: {
          code: "OLD10",
          applied: false,
          refusal: { reason: "expired", ends_at: "2026-11-30T16:00:00.000Z" },
        },
      }
    )
    const outcome = await client(fetch).applyCode("cart_1", "OLD10")
    expect(outcome).toEqual({
      applied: false,
      refusal: { reason: "expired", ends_at: "2026-11-30T16:00:00.000Z" },
      message: "该优惠码已过期（已于2026年12月1日截止）",
    })
    const url = new URL(calls[1].url)
    expect(url.pathname).toBe("/store/carts/cart_1/promotion-refusal")
    expect(url.searchParams.get("code")).toBe("OLD10")
  })

  it("an unknown code is refused without a second call; an empty one without any", async () => {
    const { fetch, calls } = recordingFetch({
      status: 400,
      body: { type: "invalid_data", message: M.unknown },
    })
    expect(await client(fetch).applyCode("cart_1", "NOPE")).toEqual({
      applied: false,
      refusal: { reason: "unknown" },
      message: M.unknown,
    })
    expect(calls).toHaveLength(1)
    expect(await client(fetch).applyCode("cart_1", "   ")).toEqual({
      applied: false,
      message: M.empty,
    })
    expect(calls).toHaveLength(1)
  })

  it("removes a code with Medusa's DELETE", async () => {
    const { fetch, calls } = recordingFetch({ body: cartWith([]) })
    const cart = await client(fetch).removeCode("cart_1", "WELCOME20")
    expect(cart.promotions).toEqual([])
    expect(calls[0].init?.method).toBe("DELETE")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ promo_codes: ["WELCOME20"] })
  })
})

describe("cart discounts", () => {
  it("sums each promotion's adjustments in fen and marks automatic ones", () => {
    const cart = {
      promotions: [
        { id: "p1", code: "WELCOME20", is_automatic: false },
        { id: "p2", code: "DOUBLE11", is_automatic: true },
      ],
      items: [
        {
          adjustments: [
            { id: "a1", code: "WELCOME20", amount: 6.67 },
            { id: "a2", code: "DOUBLE11", amount: "0.1" },
          ],
        },
        { adjustments: [{ id: "a3", code: "WELCOME20", amount: 13.33 }] },
      ],
      shipping_methods: [{ id: "s1", adjustments: [{ id: "a4", code: "DOUBLE11", amount: 0.2 }] }],
    } as never
    expect(cartDiscounts(cart)).toEqual([
      { code: "WELCOME20", automatic: false, amountFen: 2000 },
      { code: "DOUBLE11", automatic: true, amountFen: 30 },
    ])
    expect(typedPromotionCodes(cart)).toEqual(["WELCOME20"])
  })
})

describe("product badges", () => {
  it("shows 热销 and 新品 in a fixed order, and nothing for other tags", () => {
    const tags = (...values: string[]) => ({
      tags: values.map((value, i) => ({ id: `t${i}`, value })),
    })
    expect(productBadges(tags("新品", "儿童", "热销"))).toEqual(["热销", "新品"])
    expect(productBadges(tags("肿瘤"))).toEqual([])
    expect(productBadges({})).toEqual([])
  })
})
