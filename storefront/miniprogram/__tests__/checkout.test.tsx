import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { provincesOf, citiesOf } from "@health/core/commerce/cn-regions"
import Checkout from "../src/packages/shop/checkout/index"
import { session } from "../src/lib/session"
import { rememberReferral } from "../src/lib/referral"
import { calls, fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
  session.setToken("tok_1")
  session.setCartId("cart_1")
})
afterAll(() => {
  process.env.TARO_ENV = "h5"
})

const cart = {
  id: "cart_1",
  region_id: "reg_cn",
  currency_code: "cny",
  item_subtotal: 699,
  items: [
    {
      id: "line_1",
      title: "标准版",
      product_title: "运动基因检测",
      product: { metadata: { kind: "gene_test" } },
      variant_id: "v1",
      quantity: 1,
      unit_price: 699,
    },
  ],
}
/** The cart once Medusa applied WELCOME20: its adjustment and totals. */
const DISCOUNTED = {
  ...cart,
  total: 679,
  discount_total: 20,
  promotions: [{ id: "promo_1", code: "WELCOME20", is_automatic: false }],
  items: cart.items.map((item) => ({
    ...item,
    adjustments: [{ id: "adj_1", code: "WELCOME20", amount: 20 }],
  })),
}
const memberRecord = {
  id: "cus_1",
  email: "zhao@example.com",
  phone: "+8613900001111",
  first_name: "晓",
  last_name: "赵",
  metadata: { wechat_openid: "o-openid-1" },
  created_at: "2026-11-01T00:00:00Z",
}
const savedAddress = (city: string, district: string, province = "湖南省") => ({
  id: "addr_1",
  first_name: "晓",
  last_name: "赵",
  phone: "13900001111",
  province,
  city,
  address_1: "洞庭南路 1 号",
  address_2: district,
  is_default_shipping: true,
})
const jsapi = {
  timeStamp: "1764547200",
  nonceStr: "n0nce",
  package: "prepay_id=wx123",
  signType: "RSA",
  paySign: "c2lnbg==",
}
const SITES = [
  {
    documentId: "site-1",
    name: "岳阳楼区采集点",
    slug: "yueyanglou",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "洞庭南路 1 号",
    active: true,
  },
  {
    documentId: "site-2",
    name: "君山区采集点",
    slug: "junshan",
    city: "岳阳市",
    district: "君山区",
    address: "君山大道 8 号",
    active: true,
  },
]
const availability = (date = "2026-12-03") => ({
  site: {
    id: "site-1",
    name: "岳阳楼区采集点",
    address: "岳阳市 岳阳楼区 洞庭南路 1 号",
    phone: null,
    hours: "08:00-17:00",
    capacity_per_slot: 2,
  },
  slots: ["09:00-10:00", "10:00-11:00"],
  max_days_ahead: 30,
  days: [
    {
      date,
      slots: [
        { slot: "09:00-10:00", capacity: 2, remaining: 0, bookable: false },
        { slot: "10:00-11:00", capacity: 2, remaining: 2, bookable: true },
      ],
    },
  ],
})

type CheckoutBody = {
  email: string
  address: Record<string, unknown>
  lines: { line_id: string; method: string; collection?: Record<string, string> }[]
  store_credit_fen: number
  referral_code?: string
  payment: { provider_id: string; channel: string; openid?: string }
  client?: string
}

type Seen = { checkout?: CheckoutBody; availability: string[] }

/**
 * Commerce and the CMS as the checkout walks them: the one checkout call answers like the
 * server-run checkout (an order for offline payment or a balance that covers all, else the
 * payment action for the channel), and payment-status says what became of the payment.
 */
function checkoutBackend(
  options: {
    address?: ReturnType<typeof savedAddress> | null
    /** The whole address book, default first (instead of the one `address`). */
    book?: ReturnType<typeof savedAddress>[]
    balance?: number
    sites?: unknown
    status?: () => unknown
    /** A 400 the checkout answers instead. */
    refusal?: unknown
  } = {}
) {
  const seen: Seen = { availability: [] }
  let discounted = false
  fakeBackend({
    "GET /store/carts/cart_1": () => ({ body: { cart: { ...cart, total: 699 } } }),
    "GET /store/customers/me": { customer: memberRecord },
    "GET /store/customers/me/addresses": {
      addresses:
        options.book ??
        (options.address === null ? [] : [options.address ?? savedAddress("长沙市", "岳麓区")]),
    },
    "GET /store/affiliate/me": () =>
      options.balance === undefined
        ? { status: 503, body: {} }
        : {
            body: {
              affiliate: {
                code: "MINE2345",
                balances: {
                  pending: 0,
                  available: options.balance,
                  withdrawing: 0,
                  withdrawn: 0,
                  spent: 0,
                },
              },
            },
          },
    "GET /api/collection-sites": () =>
      options.sites === "down"
        ? { status: 503, body: {} }
        : { body: { data: options.sites ?? SITES, meta: {} } },
    "GET /store/appointments/availability": ({ url }: { url: URL }) => {
      seen.availability.push(url.search)
      return { body: availability(url.searchParams.get("from") ?? "2026-12-03") }
    },
    "GET /store/shipping-options": {
      shipping_options: [
        { id: "so_site", name: "采集点现场采集", amount: 0, type: { code: "on-site-collection" } },
        { id: "so_mail", name: "顺丰包邮（采样盒寄送）", amount: 0, type: { code: "mail-in-kit" } },
      ],
    },
    "POST /store/carts/cart_1/checkout": ({ body }: { body: CheckoutBody }) => {
      seen.checkout = body
      if (options.refusal) return { status: 400, body: options.refusal }
      const left = 69900 - (discounted ? 2000 : 0) - body.store_credit_fen
      const order = { id: "order_1", display_id: 12 }
      if (body.payment.provider_id === "pp_system_default") {
        return {
          body: {
            cart_id: "cart_1",
            amount_fen: left,
            order,
            payment_action: { kind: "offline", instructions: "转账", expires_at: "2026-12-09" },
          },
        }
      }
      if (left <= 0) {
        return {
          body: { cart_id: "cart_1", amount_fen: 0, order, payment_action: { kind: "none" } },
        }
      }
      const expires_at = "2026-12-06T12:00:00+08:00"
      return {
        body: {
          cart_id: "cart_1",
          amount_fen: left,
          payment_action:
            body.payment.channel === "miniprogram"
              ? { kind: "jsapi", params: { appId: "wx1", ...jsapi }, expires_at }
              : { kind: "redirect", url: "http://pay.test/h5/HS123", expires_at },
        },
      }
    },
    // WELCOME20 takes ¥20 off (Medusa's totals); OLD10 is left off, expired, as Medusa does.
    "POST /store/carts/cart_1/promotions": ({ body }: { body: { promo_codes: string[] } }) =>
      body.promo_codes[0] === "WELCOME20"
        ? ((discounted = true), { body: { cart: DISCOUNTED } })
        : { body: { cart: { ...cart, total: 699, promotions: [] } } },
    "GET /store/carts/cart_1/promotion-refusal": {
      code: "OLD10",
      applied: false,
      refusal: { reason: "expired", ends_at: "2026-11-30T16:00:00.000Z" },
    },
    "DELETE /store/carts/cart_1/promotions": { cart: { ...cart, total: 699, promotions: [] } },
    "GET /store/carts/cart_1/payment-status": () => ({
      body: (
        options.status ?? (() => ({ status: "paid", order: { id: "order_1", display_id: 12 } }))
      )(),
    }),
  })
  return seen
}

const text = (testId: string) => screen.getByTestId(testId).textContent
const agreeAndSubmit = () => {
  fireEvent.click(screen.getByTestId("consent"))
  fireEvent.click(screen.getByTestId("submit-order"))
}

describe("checkout: address and WeChat Pay", () => {
  it("starts from the default address, asks for consent, then opens WeChat Pay (H5) with the summary", async () => {
    rememberReferral({ ref: "REF2345" })
    const seen = checkoutBackend()
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(text("region-value")).toBe("湖南省 长沙市 岳麓区")
    expect((screen.getByPlaceholderText("姓名") as HTMLInputElement).value).toBe("赵晓")
    expect(text("summary-subtotal")).toBe("¥699.00")
    expect(text("summary-shipping")).toBe("免运费")
    expect(text("summary-total")).toBe("¥699.00")
    // No balance could be read: no credit offered; 长沙 is not 岳阳: no offline payment.
    expect(screen.queryByTestId("store-credit")).toBeNull()
    expect(screen.queryByTestId("payment-offline")).toBeNull()

    fireEvent.click(screen.getByTestId("submit-order"))
    expect(text("checkout-error")).toBe("请阅读并同意《隐私政策》与检测知情说明")
    expect(calls()).not.toContain("POST /store/carts/cart_1/checkout")

    fireEvent.click(screen.getByTestId("consent"))
    fireEvent.click(screen.getByTestId("submit-order"))
    await screen.findByTestId("payment-step")
    expect(text("h5-pay-url")).toBe("http://pay.test/h5/HS123")
    expect(text("pay-amount")).toBe("¥699.00")
    expect(seen.checkout).toEqual({
      email: "zhao@example.com",
      address: expect.objectContaining({
        last_name: "赵",
        first_name: "晓",
        phone: "13900001111",
        province: "湖南省",
        city: "长沙市",
        address_2: "岳麓区",
        address_1: "洞庭南路 1 号",
        country_code: "cn",
      }),
      lines: [{ line_id: "line_1", method: "mail_in" }],
      store_credit_fen: 0,
      referral_code: "REF2345",
      payment: { provider_id: "pp_wechatpay_wechatpay", channel: "mobile_browser" },
      // Pays like a phone browser, counted by finance as the mini-program's H5 build.
      client: "miniprogram_h5",
    })
    // The whole checkout is one call: nothing is prepared step by step from here.
    expect(calls().filter((c) => c.startsWith("POST"))).toEqual([
      "POST /store/carts/cart_1/checkout",
    ])
  })

  it("picks province, city and district on linked wheels, from the lists the server checks", async () => {
    const seen = checkoutBackend({ address: null })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(text("region-value")).toBe("请选择省 / 市 / 区县")
    fireEvent.change(screen.getByPlaceholderText("街道、小区、楼栋、门牌号"), {
      target: { value: "洞庭南路 1 号" },
    })
    agreeAndSubmit()
    expect(text("checkout-error")).toBe("请选择省份")

    const wheel = (column: number) =>
      screen.getByTestId(`region-picker-column-${column}`) as HTMLSelectElement
    const options = (column: number) => Array.from(wheel(column).options).map((o) => o.text)
    expect(options(0)).toEqual(provincesOf())
    fireEvent.change(wheel(0), { target: { value: String(provincesOf().indexOf("湖南省")) } })
    expect(options(1)).toEqual(citiesOf("湖南省"))
    fireEvent.change(wheel(1), { target: { value: String(citiesOf("湖南省").indexOf("岳阳市")) } })
    expect(options(2)).toEqual([
      "岳阳楼区",
      "云溪区",
      "君山区",
      "岳阳县",
      "华容县",
      "湘阴县",
      "平江县",
      "岳阳市屈原管理区",
      "汨罗市",
      "临湘市",
    ])
    fireEvent.change(wheel(2), { target: { value: "2" } })
    // Nothing changes until 确定.
    expect(text("region-value")).toBe("请选择省 / 市 / 区县")
    fireEvent.click(screen.getByTestId("region-picker-confirm"))
    expect(text("region-value")).toBe("湖南省 岳阳市 君山区")

    // Turning the province again starts its cities and districts from the top.
    fireEvent.change(wheel(0), { target: { value: String(provincesOf().indexOf("湖北省")) } })
    expect(wheel(1).value).toBe("0")
    expect(options(2)[0]).toBe("江岸区")
    fireEvent.click(screen.getByTestId("region-picker-cancel"))
    expect(text("region-value")).toBe("湖南省 岳阳市 君山区")
    expect(options(1)).toEqual(citiesOf("湖南省"))

    fireEvent.click(screen.getByTestId("submit-order"))
    await screen.findByTestId("payment-step")
    expect(seen.checkout?.address).toMatchObject({
      province: "湖南省",
      city: "岳阳市",
      address_2: "君山区",
    })
  })

  it("picks another saved address from the book, and sends that one", async () => {
    const office = {
      ...savedAddress("岳阳市", "君山区"),
      id: "addr_2",
      first_name: "多",
      last_name: "钱",
      phone: "13800138000",
      address_1: "君山大道 8 号",
      is_default_shipping: false,
    }
    const seen = checkoutBackend({ book: [savedAddress("长沙市", "岳麓区"), office] })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    const choices = () => screen.getAllByTestId("saved-address")
    expect(choices().map((c) => c.textContent)).toEqual([
      "赵晓 139 0000 1111（默认）湖南省 长沙市 岳麓区 洞庭南路 1 号",
      "钱多 138 0013 8000湖南省 岳阳市 君山区 君山大道 8 号",
    ])
    // The default fills the form and shows as picked.
    expect(choices().map((c) => c.className.includes("choice--active"))).toEqual([true, false])
    // The H5 build has no WeChat address list to import from.
    expect(screen.queryByTestId("checkout-import-wechat")).toBeNull()

    fireEvent.click(choices()[1])
    expect(choices().map((c) => c.className.includes("choice--active"))).toEqual([false, true])
    expect(text("region-value")).toBe("湖南省 岳阳市 君山区")
    expect((screen.getByPlaceholderText("姓名") as HTMLInputElement).value).toBe("钱多")
    // 岳阳 addresses may pay offline: the picked address counts.
    expect(screen.getByTestId("payment-offline")).toBeTruthy()
    // Changing a field leaves the saved address as it was: no longer marked as picked.
    fireEvent.change(screen.getByPlaceholderText("街道、小区、楼栋、门牌号"), {
      target: { value: "君山大道 10 号" },
    })
    expect(choices().map((c) => c.className.includes("choice--active"))).toEqual([false, false])

    agreeAndSubmit()
    await screen.findByTestId("payment-step")
    expect(seen.checkout?.address).toMatchObject({
      last_name: "钱",
      first_name: "多",
      phone: "13800138000",
      city: "岳阳市",
      address_2: "君山区",
      address_1: "君山大道 10 号",
    })
  })

  it("in WeChat, 从微信导入 fills the address from wx.chooseAddress", async () => {
    process.env.TARO_ENV = "weapp"
    const seen = checkoutBackend({ address: null })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(screen.queryAllByTestId("saved-address")).toEqual([])
    stand.chosenAddress = {
      userName: "周六",
      telNumber: "13911112222",
      provinceName: "湖南省",
      cityName: "长沙市",
      countyName: "岳麓区",
      detailInfo: "麓山南路 2 号",
    }
    fireEvent.click(screen.getByTestId("checkout-import-wechat"))
    await waitFor(() => expect(text("region-value")).toBe("湖南省 长沙市 岳麓区"))
    expect((screen.getByPlaceholderText("姓名") as HTMLInputElement).value).toBe("周六")
    agreeAndSubmit()
    await screen.findByTestId("payment-step")
    expect(seen.checkout?.address).toMatchObject({
      last_name: "周",
      first_name: "六",
      phone: "13911112222",
      province: "湖南省",
      city: "长沙市",
      address_2: "岳麓区",
      address_1: "麓山南路 2 号",
    })
  })

  it("says which part of a saved address is not a real region", async () => {
    checkoutBackend({ address: savedAddress("岳阳市", "岳阳区") })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(text("region-value")).toBe("湖南省 岳阳市 岳阳区")
    agreeAndSubmit()
    expect(text("checkout-error")).toBe("请选择岳阳市下的区县")
    expect(calls()).not.toContain("POST /store/carts/cart_1/checkout")
  })

  it("in WeChat pays with wx.requestPayment and the provider's JSAPI parameters, then shows the order", async () => {
    process.env.TARO_ENV = "weapp"
    const seen = checkoutBackend()
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    agreeAndSubmit()
    await screen.findByTestId("payment-step")
    expect(seen.checkout?.payment).toEqual({
      provider_id: "pp_wechatpay_wechatpay",
      channel: "miniprogram",
      openid: "o-openid-1",
    })
    // The weapp is told by its channel: no client build is sent.
    expect(seen.checkout?.client).toBeUndefined()
    fireEvent.click(screen.getByTestId("pay"))
    await waitFor(() =>
      expect(stand.navigations.at(-1)).toEqual({
        kind: "redirectTo",
        url: "/packages/shop/orders/index",
      })
    )
    expect(stand.payments).toEqual([jsapi])
    // Paid: read from commerce, which completed the order on WeChat's notification.
    expect(calls()).toContain("GET /store/carts/cart_1/payment-status")
    expect(calls()).not.toContain("POST /store/carts/cart_1/complete")
    expect(stand.toasts).toEqual(["支付成功"])
    expect(session.cartId()).toBeUndefined()
  })

  it("keeps the cart when WeChat has not confirmed the payment yet", async () => {
    checkoutBackend({ status: () => ({ status: "waiting" }) })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    agreeAndSubmit()
    fireEvent.click(await screen.findByTestId("pay"))
    await waitFor(() =>
      expect(text("checkout-error")).toBe("尚未收到微信支付结果，请完成支付后再试")
    )
    expect(session.cartId()).toBe("cart_1")
  })

  it("says when commerce refunded a payment that could not become an order", async () => {
    checkoutBackend({
      status: () => ({
        status: "refunded",
        refund: { amount_fen: 69900, reason: "所选时段已约满" },
      }),
    })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    agreeAndSubmit()
    fireEvent.click(await screen.findByTestId("pay"))
    await waitFor(() =>
      expect(text("checkout-error")).toBe("订单未能生成，已原路退款 ¥699.00，请返回购物车重新下单")
    )
  })

  it("shows commerce's refusal naming what to fix", async () => {
    const message = "「运动基因检测」2026年12月3日 10:00-11:00 已约满，请选择其他时段或日期"
    checkoutBackend({
      refusal: { type: "invalid_data", message, problems: [{ field: "lines", message }] },
    })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    agreeAndSubmit()
    await waitFor(() =>
      expect(text("checkout-error")).toBe(
        "「运动基因检测」2026年12月3日 10:00-11:00 已约满，请选择其他时段或日期"
      )
    )
  })

  it("sends a visitor to sign in", async () => {
    session.signOut()
    session.clearCart()
    render(<Checkout />)
    await waitFor(() =>
      expect(stand.navigations).toEqual([
        {
          kind: "redirectTo",
          url: "/pages/login/index?next=%2Fpackages%2Fshop%2Fcheckout%2Findex",
        },
      ])
    )
  })
})

describe("checkout: 采集点现场采集", () => {
  it("picks a slot with places left at a CMS site for the line, and sends it with the checkout", async () => {
    const seen = checkoutBackend()
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(screen.queryByTestId("collection-picker")).toBeNull()
    fireEvent.click(screen.getByTestId("collection-method-site"))
    expect(screen.getAllByTestId("collection-site").map((s) => s.textContent)).toEqual([
      "岳阳楼区采集点 · 岳阳楼区",
      "君山区采集点 · 君山区",
    ])
    agreeAndSubmit()
    expect(text("checkout-error")).toBe("「运动基因检测」请选择现场采集的采集点")

    fireEvent.click(screen.getAllByTestId("collection-site")[0])
    const slots = await screen.findAllByTestId("collection-slot")
    expect(slots.map((s) => s.textContent)).toEqual(["09:00-10:00 · 已约满", "10:00-11:00 · 余 2"])
    expect(seen.availability).toEqual(["?site_id=site-1&days=7"])
    fireEvent.click(screen.getByTestId("submit-order"))
    expect(text("checkout-error")).toBe("「运动基因检测」请选择现场采集的日期和时段")

    fireEvent.click(slots[0])
    expect(screen.queryByTestId("collection-choice")).toBeNull()
    fireEvent.click(slots[1])
    expect(text("collection-choice")).toBe("已选：岳阳楼区采集点 · 12月3日 周四 10:00-11:00")

    fireEvent.click(screen.getByTestId("submit-order"))
    await screen.findByTestId("payment-step")
    // Commerce checks the slot again when it runs the checkout.
    expect(seen.checkout?.lines).toEqual([
      {
        line_id: "line_1",
        method: "on_site",
        collection: { site_id: "site-1", date: "2026-12-03", slot: "10:00-11:00" },
      },
    ])
  })

  it("pages to the next seven days", async () => {
    const seen = checkoutBackend()
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    fireEvent.click(screen.getByTestId("collection-method-site"))
    fireEvent.click(screen.getAllByTestId("collection-site")[0])
    await screen.findAllByTestId("collection-slot")
    expect(screen.queryByTestId("collection-earlier")).toBeNull()
    fireEvent.click(screen.getByTestId("collection-later"))
    await waitFor(() =>
      expect(seen.availability.at(-1)).toBe("?site_id=site-1&from=2026-12-04&days=7")
    )
    await screen.findByTestId("collection-earlier")
  })

  it("says so when the CMS cannot be read, and mail-in still works", async () => {
    checkoutBackend({ sites: "down" })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    fireEvent.click(screen.getByTestId("collection-method-site"))
    expect(text("collection-sites-error")).toBe(
      "采集点信息暂时无法读取，请稍后再试，或选择寄送采样盒。"
    )
    fireEvent.click(screen.getByTestId("collection-method-mail"))
    agreeAndSubmit()
    await screen.findByTestId("payment-step")
  })
})

describe("checkout: 优惠码", () => {
  it("applies a code: the discount shows as a line, WeChat Pay is asked for the discounted total", async () => {
    checkoutBackend()
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    fireEvent.change(screen.getByTestId("promotion-input"), { target: { value: "WELCOME20" } })
    fireEvent.click(screen.getByTestId("promotion-apply"))
    await screen.findByTestId("promotion-applied")
    expect(text("promotion-applied")).toContain("已使用 WELCOME20")
    const summary = within(screen.getByTestId("checkout-summary"))
    expect(summary.getByTestId("summary-discount").textContent).toBe("优惠码 WELCOME20-¥20.00")
    expect(text("summary-total")).toBe("¥679.00")
    agreeAndSubmit()
    await screen.findByTestId("payment-step")
    expect(text("pay-amount")).toBe("¥679.00")
    expect(
      within(screen.getByTestId("pay-summary")).getByTestId("summary-discount").textContent
    ).toBe("-¥20.00")
  })

  it("says in Chinese why a code does not apply, and takes an applied one off", async () => {
    checkoutBackend()
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    fireEvent.change(screen.getByTestId("promotion-input"), { target: { value: "OLD10" } })
    fireEvent.click(screen.getByTestId("promotion-apply"))
    expect((await screen.findByTestId("promotion-error")).textContent).toBe(
      "该优惠码已过期（已于2026年12月1日截止）"
    )
    expect(text("summary-total")).toBe("¥699.00")

    fireEvent.change(screen.getByTestId("promotion-input"), { target: { value: "WELCOME20" } })
    fireEvent.click(screen.getByTestId("promotion-apply"))
    await screen.findByTestId("promotion-applied")
    fireEvent.click(within(screen.getByTestId("promotion-applied")).getByText("移除"))
    await waitFor(() => expect(screen.queryByTestId("promotion-applied")).toBeNull())
    expect(text("summary-total")).toBe("¥699.00")
    expect(calls()).toContain("DELETE /store/carts/cart_1/promotions")
  })
})

describe("checkout: 余额抵扣", () => {
  it("sends part of the balance with the checkout and pays the rest with WeChat", async () => {
    const seen = checkoutBackend({ balance: 120 })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(text("credit-available")).toBe("可用 ¥120.00")
    expect(screen.queryByTestId("credit-amount")).toBeNull()
    fireEvent.click(screen.getByTestId("use-credit"))
    expect((screen.getByTestId("credit-amount") as HTMLInputElement).value).toBe("120.00")
    expect(text("credit-hint")).toBe("其余金额用下方选择的方式支付。订单取消后，抵扣金额退回余额。")
    expect(text("summary-credit")).toBe("-¥120.00")
    expect(text("summary-total")).toBe("¥579.00")

    fireEvent.change(screen.getByTestId("credit-amount"), { target: { value: "50.5" } })
    expect(text("summary-total")).toBe("¥648.50")
    agreeAndSubmit()
    await screen.findByTestId("payment-step")
    expect(seen.checkout?.store_credit_fen).toBe(5050)
    const summary = within(screen.getByTestId("pay-summary"))
    expect(summary.getByTestId("summary-credit").textContent).toBe("-¥50.50")
    expect(text("pay-amount")).toBe("¥648.50")
  })

  it("never takes more than the balance, and asks for a proper amount", async () => {
    checkoutBackend({ balance: 120 })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    fireEvent.click(screen.getByTestId("use-credit"))
    fireEvent.change(screen.getByTestId("credit-amount"), { target: { value: "120.01" } })
    // The summary never shows more than the balance.
    expect(text("summary-credit")).toBe("-¥120.00")
    agreeAndSubmit()
    expect(text("checkout-error")).toBe("抵扣金额不能超过可用余额 ¥120.00")
    fireEvent.change(screen.getByTestId("credit-amount"), { target: { value: "1.234" } })
    fireEvent.click(screen.getByTestId("submit-order"))
    expect(text("checkout-error")).toBe("请填写正确的抵扣金额（元，最多两位小数）")
    expect(calls()).not.toContain("POST /store/carts/cart_1/checkout")
  })

  it("places an order the balance covers without WeChat Pay", async () => {
    const seen = checkoutBackend({ balance: 1000 })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    fireEvent.click(screen.getByTestId("use-credit"))
    fireEvent.change(screen.getByTestId("credit-amount"), { target: { value: "1" } })
    fireEvent.click(screen.getByTestId("credit-all"))
    expect((screen.getByTestId("credit-amount") as HTMLInputElement).value).toBe("699.00")
    expect(text("credit-hint")).toBe("余额足以支付全部金额，提交后无需再支付。")
    expect(text("summary-total")).toBe("¥0.00")
    expect(screen.queryByTestId("payment-methods")).toBeNull()
    expect(text("submit-order")).toBe("提交订单")
    agreeAndSubmit()
    await waitFor(() =>
      expect(stand.navigations.at(-1)).toEqual({
        kind: "redirectTo",
        url: "/packages/shop/orders/index",
      })
    )
    expect(seen.checkout?.store_credit_fen).toBe(69900)
    expect(stand.toasts).toEqual(["下单成功"])
    expect(session.cartId()).toBeUndefined()
  })
})

describe("checkout: 线下付款", () => {
  it("is offered for a 岳阳 address and places the order for staff to confirm", async () => {
    const seen = checkoutBackend({ address: savedAddress("岳阳市", "岳阳楼区") })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(text("payment-offline")).toBe("线下付款银行转账或到采集点付款，工作人员确认后处理")
    fireEvent.click(screen.getByTestId("payment-offline"))
    expect(text("submit-order")).toBe("提交订单（线下付款）")
    agreeAndSubmit()
    await screen.findByTestId("order-placed")
    expect(seen.checkout?.payment).toEqual({
      provider_id: "pp_system_default",
      channel: "mobile_browser",
    })
    expect(text("pay-amount")).toBe("¥699.00")
    expect(text("offline-instructions")).toBe(
      "请在 3 日内按客服提供的对公账户转账，或到岳阳任一采集点现场付款，客服会在 1 个工作日内与您联系。转账时请备注订单号 #12"
    )
    expect(session.cartId()).toBeUndefined()
    fireEvent.click(screen.getByTestId("view-orders"))
    expect(stand.navigations.at(-1)).toEqual({
      kind: "redirectTo",
      url: "/packages/shop/orders/index",
    })
  })

  it("is offered for a 岳阳 collection site though the address is elsewhere", async () => {
    const seen = checkoutBackend()
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    expect(text("region-value")).toBe("湖南省 长沙市 岳麓区")
    expect(screen.queryByTestId("payment-offline")).toBeNull()
    fireEvent.click(screen.getByTestId("collection-method-site"))
    fireEvent.click(screen.getAllByTestId("collection-site")[0])
    fireEvent.click((await screen.findAllByTestId("collection-slot"))[1])
    fireEvent.click(screen.getByTestId("payment-offline"))
    agreeAndSubmit()
    await screen.findByTestId("order-placed")
    expect(seen.checkout?.payment.provider_id).toBe("pp_system_default")
  })

  it("goes away when the address leaves 岳阳, and WeChat Pay is used", async () => {
    const seen = checkoutBackend({ address: savedAddress("岳阳市", "岳阳楼区") })
    render(<Checkout />)
    await screen.findByTestId("checkout-form")
    fireEvent.click(screen.getByTestId("payment-offline"))
    fireEvent.change(screen.getByTestId("region-picker-column-1"), {
      target: { value: String(citiesOf("湖南省").indexOf("长沙市")) },
    })
    fireEvent.click(screen.getByTestId("region-picker-confirm"))
    expect(text("region-value")).toBe("湖南省 长沙市 芙蓉区")
    expect(screen.queryByTestId("payment-offline")).toBeNull()
    agreeAndSubmit()
    await screen.findByTestId("payment-step")
    expect(seen.checkout?.payment).toEqual({
      provider_id: "pp_wechatpay_wechatpay",
      channel: "mobile_browser",
    })
  })
})
