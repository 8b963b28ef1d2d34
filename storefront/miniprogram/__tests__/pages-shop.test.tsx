import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Home from "../src/pages/index/index"
import ProductPage from "../src/pages/product/index"
import CartPage from "../src/pages/cart/index"
import ProductsPage from "../src/pages/products/index"
import { session } from "../src/lib/session"
import { pendingReferral } from "../src/lib/referral"
import { calls, fakeBackend, product, refuse, region } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())

const cartWith = (quantity: number) => ({
  id: "cart_1",
  region_id: "reg_cn",
  currency_code: "cny",
  item_subtotal: 699 * quantity,
  items: quantity
    ? [
        {
          id: "line_1",
          title: "标准版",
          product_title: "运动基因检测",
          variant_id: "variant_1",
          quantity,
          unit_price: 699,
        },
      ]
    : [],
})

describe("home", () => {
  it("lists gene tests with their lowest price", async () => {
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [product], count: 1 },
    })
    render(<Home />)
    expect(screen.getByTestId("state-loading").getAttribute("data-testid")).toBe("state-loading")
    await screen.findByText("运动基因检测")
    expect(screen.getByText("¥699.00").textContent).toBe("¥699.00")
  })

  it("remembers the referral code of the shared card it was opened from", async () => {
    stand.params = { ref: "abc2345" }
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [], count: 0 },
    })
    render(<Home />)
    await screen.findByText("暂无符合条件的检测产品")
    expect(pendingReferral()).toBe("ABC2345")
  })

  it("shares with the signed-in member's code in the card path and the timeline query", async () => {
    session.setToken("tok_member")
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [product], count: 1 },
      "GET /store/affiliate/me": { affiliate: { code: "MINE2345" } },
    })
    render(<Home />)
    await screen.findByText("运动基因检测")
    await waitFor(() =>
      expect(stand.share.appMessage?.()).toMatchObject({ path: "/pages/index/index?ref=MINE2345" })
    )
    expect(stand.share.timeline?.()).toMatchObject({ query: "ref=MINE2345" })
  })

  it("says what went wrong and loads again on 重试", async () => {
    let fail = true
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": () =>
        fail ? { status: 503, body: {} } : { body: { products: [product], count: 1 } },
    })
    render(<Home />)
    await screen.findByTestId("state-error")
    fail = false
    fireEvent.click(screen.getByText("重试"))
    await screen.findByText("运动基因检测")
  })
})

describe("product detail", () => {
  it("adds the variant to a new cart and keeps the cart id in storage", async () => {
    stand.params = { handle: "sports-gene-test" }
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [product], count: 1 },
      "POST /store/carts": { cart: cartWith(0) },
      "POST /store/carts/cart_1/line-items": ({ body }: { body: unknown }) => {
        expect(body).toEqual({ variant_id: "variant_1", quantity: 1 })
        return { body: { cart: cartWith(1) } }
      },
    })
    render(<ProductPage />)
    await screen.findByTestId("product-title")
    expect(screen.getByTestId("product-price").textContent).toBe("¥699.00")
    fireEvent.click(screen.getByTestId("add-to-cart"))
    await waitFor(() => expect(screen.getByTestId("add-notice").textContent).toBe("已加入购物车"))
    expect(session.cartId()).toBe("cart_1")
  })

  it("opens on the cheapest variant, the price the card advertised, whatever the variants' order", async () => {
    stand.params = { handle: "sports-gene-test" }
    const variant = (id: string, value: string, amount: number) => ({
      id,
      title: value,
      options: [{ id: `o_${id}`, option_id: "opt_ver", value }],
      calculated_price: { calculated_amount: amount, currency_code: "cny" },
    })
    const twoVersions = {
      ...product,
      options: [
        { id: "opt_ver", title: "版本", values: [{ value: "尊享版" }, { value: "标准版" }] },
      ],
      variants: [variant("variant_2", "尊享版", 1099), variant("variant_1", "标准版", 599)],
    }
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [twoVersions], count: 1 },
    })
    render(<ProductPage />)
    await screen.findByTestId("product-title")
    expect(screen.getByTestId("product-price").textContent).toBe("¥599.00")
  })

  it("shows commerce's message when the variant cannot be added", async () => {
    stand.params = { handle: "sports-gene-test" }
    session.setCartId("cart_1")
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [product], count: 1 },
      "GET /store/carts/cart_1": { cart: cartWith(0) },
      "POST /store/carts/cart_1/line-items": refuse(400, "库存不足"),
    })
    render(<ProductPage />)
    fireEvent.click(await screen.findByTestId("add-to-cart"))
    await waitFor(() => expect(screen.getByTestId("add-notice").textContent).toBe("库存不足"))
  })

  it("says so when the product does not exist", async () => {
    stand.params = { handle: "gone" }
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [] },
    })
    render(<ProductPage />)
    await screen.findByText("页面不存在")
  })
})

describe("cart", () => {
  it("is empty without a cart and offers to browse", async () => {
    render(<CartPage />)
    await screen.findByText("购物车还是空的")
    fireEvent.click(screen.getByText("去逛逛基因检测"))
    expect(stand.navigations).toEqual([{ kind: "switchTab", url: "/pages/products/index" }])
  })

  it("changes quantities and sends a visitor to sign in before checkout", async () => {
    session.setCartId("cart_1")
    let quantity = 1
    fakeBackend({
      "GET /store/carts/cart_1": () => ({ body: { cart: cartWith(quantity) } }),
      "POST /store/carts/cart_1/line-items/line_1": ({ body }: { body: { quantity: number } }) => {
        quantity = body.quantity
        return { body: { cart: cartWith(quantity) } }
      },
    })
    render(<CartPage />)
    expect((await screen.findByTestId("line-quantity")).textContent).toBe("1")
    fireEvent.click(screen.getByText("＋"))
    await waitFor(() => expect(screen.getByTestId("line-quantity").textContent).toBe("2"))
    expect(screen.getByTestId("cart-subtotal").textContent).toBe("¥1,398.00")
    fireEvent.click(screen.getByTestId("go-checkout"))
    expect(stand.navigations.at(-1)).toEqual({
      kind: "navigateTo",
      url: "/pages/login/index?next=%2Fpackages%2Fshop%2Fcheckout%2Findex",
    })
    expect(calls()).toContain("POST /store/carts/cart_1/line-items/line_1")
  })

  it("reads and changes a signed-in member's cart with their token (commerce hides it from anyone else)", async () => {
    session.setToken("tok_member")
    session.setCartId("cart_1")
    const seen: string[] = []
    const withToken =
      (answer: () => unknown) =>
      ({ headers }: { headers: Record<string, string> }) => {
        seen.push(headers.authorization)
        return { body: answer() }
      }
    fakeBackend({
      "GET /store/carts/cart_1": withToken(() => ({ cart: cartWith(1) })),
      "POST /store/carts/cart_1/line-items/line_1": withToken(() => ({ cart: cartWith(2) })),
    })
    render(<CartPage />)
    expect((await screen.findByTestId("line-quantity")).textContent).toBe("1")
    fireEvent.click(screen.getByText("＋"))
    await waitFor(() => expect(calls()).toContain("POST /store/carts/cart_1/line-items/line_1"))
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(new Set(seen)).toEqual(new Set(["Bearer tok_member"]))
  })
})

describe("cart: 优惠码", () => {
  it("applies a code and shows its discount and Medusa's total; a refused code says why", async () => {
    session.setCartId("cart_1")
    let applied = false
    const discounted = () => ({
      ...cartWith(1),
      total: 679,
      discount_total: 20,
      promotions: [{ id: "promo_1", code: "WELCOME20", is_automatic: false }],
      items: cartWith(1).items.map((item) => ({
        ...item,
        adjustments: [{ id: "adj_1", code: "WELCOME20", amount: 20 }],
      })),
    })
    fakeBackend({
      "GET /store/carts/cart_1": () => ({
        body: { cart: applied ? discounted() : { ...cartWith(1), total: 699 } },
      }),
      "POST /store/carts/cart_1/promotions": ({ body }: { body: { promo_codes: string[] } }) => {
        applied = body.promo_codes[0] === "WELCOME20"
        return { body: { cart: applied ? discounted() : { ...cartWith(1), promotions: [] } } }
      },
      "GET /store/carts/cart_1/promotion-refusal": {
        code: "FULL",
        applied: false,
        refusal: { reason: "usage_limit" },
      },
    })
    render(<CartPage />)
    await screen.findByTestId("promotion-code")
    expect(screen.getByTestId("cart-total").textContent).toBe("¥699.00")
    fireEvent.change(screen.getByTestId("promotion-input"), { target: { value: "FULL" } })
    fireEvent.click(screen.getByTestId("promotion-apply"))
    expect((await screen.findByTestId("promotion-error")).textContent).toBe(
      "该优惠码已被领完（使用次数已达上限）"
    )
    fireEvent.change(screen.getByTestId("promotion-input"), { target: { value: "WELCOME20" } })
    fireEvent.click(screen.getByTestId("promotion-apply"))
    await waitFor(() => expect(screen.getByTestId("cart-total").textContent).toBe("¥679.00"))
    expect(screen.getByTestId("summary-discount").textContent).toBe("优惠码 WELCOME20-¥20.00")
  })
})

describe("products: 热销 and 新品", () => {
  it("shows the badges on cards and filters the list by the tag", async () => {
    const tagged = { ...product, tags: [{ id: "ptag_new", value: "新品" }] }
    const listed: string[] = []
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/product-categories": { product_categories: [] },
      "GET /store/product-tags": ({ url }: { url: URL }) => ({
        body: {
          product_tags: [{ id: "ptag_new", value: url.searchParams.getAll("value[]")[0] }],
        },
      }),
      "GET /store/products": ({ url }: { url: URL }) => {
        listed.push(url.searchParams.getAll("tag_id[]").join(","))
        return { body: { products: [tagged], count: 1 } }
      },
    })
    render(<ProductsPage />)
    expect((await screen.findByTestId("product-badge")).textContent).toBe("新品")
    const chips = await screen.findAllByTestId("badge-chip")
    expect(chips.map((chip) => chip.textContent)).toEqual(["热销", "新品"])
    fireEvent.click(chips[1])
    await waitFor(() => expect(listed.at(-1)).toBe("ptag_new"))
    expect(listed[0]).toBe("")
  })
})
