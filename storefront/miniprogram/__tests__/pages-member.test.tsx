import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Checkout from "../src/packages/shop/checkout/index"
import Login from "../src/pages/login/index"
import AffiliateCentre from "../src/packages/affiliate/center/index"
import Sites from "../src/packages/content/sites/index"
import { session } from "../src/lib/session"
import { pendingReferral, rememberReferral } from "../src/lib/referral"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})
afterAll(() => {
  process.env.TARO_ENV = "h5"
})

const cart = {
  id: "cart_1",
  region_id: "reg_cn",
  currency_code: "cny",
  item_subtotal: 699,
  items: [{ id: "line_1", title: "标准版", variant_id: "v1", quantity: 1, unit_price: 699 }],
}
const memberRecord = (metadata = {}) => ({
  id: "cus_1",
  email: null,
  phone: "13900001111",
  first_name: "晓",
  last_name: "赵",
  metadata,
  created_at: "2026-11-01T00:00:00Z",
})
const jsapi = {
  timeStamp: "1764547200",
  nonceStr: "n0nce",
  package: "prepay_id=wx123",
  signType: "RSA",
  paySign: "c2lnbg==",
}

/** Commerce's checkout routes as the page walks them; records what each step received. */
function checkoutBackend(
  seen: Record<string, unknown>,
  complete = () => ({ type: "order", order: { id: "order_1" } })
) {
  fakeBackend({
    "GET /store/carts/cart_1": { cart },
    "GET /store/customers/me": { customer: memberRecord({ wechat_openid: "o-openid-1" }) },
    "GET /store/customers/me/addresses": { addresses: [] },
    "POST /store/carts/cart_1/customer": { cart },
    "POST /store/affiliate/bind": ({ body }: { body: unknown }) => {
      seen.bind = body
      return { body: {} }
    },
    "POST /store/carts/cart_1": ({ body }: { body: Record<string, unknown> }) => {
      if (body.email) seen.contact = body
      return { body: { cart } }
    },
    "GET /store/shipping-options": {
      shipping_options: [
        { id: "so_site", name: "采集点现场采集", amount: 0, type: { code: "on-site-collection" } },
        { id: "so_mail", name: "快递寄送", amount: 0, type: { code: "mail-in" } },
      ],
    },
    "POST /store/carts/cart_1/shipping-methods": ({ body }: { body: unknown }) => {
      seen.shipping = body
      return { body: { cart } }
    },
    "POST /store/payment-collections": { payment_collection: { id: "paycol_1" } },
    "POST /store/payment-collections/paycol_1/payment-sessions": ({
      body,
    }: {
      body: { data: Record<string, string> }
    }) => {
      seen.session = body
      const channel = body.data.channel
      return {
        body: {
          payment_collection: {
            payment_sessions: [
              {
                provider_id: "pp_wechatpay_wechatpay",
                data: {
                  channel,
                  out_trade_no: "HS123",
                  ...(channel === "jsapi"
                    ? { request_payment: jsapi }
                    : { h5_url: "http://pay.test/h5/HS123" }),
                },
              },
            ],
          },
        },
      }
    },
    "POST /store/carts/cart_1/complete": () => {
      try {
        return { body: complete() }
      } catch (error) {
        return {
          status: (error as { status: number }).status,
          body: { message: "Session was not authorized with the provider." },
        }
      }
    },
  })
  // wechatSession reads the cart's total with a fields query on the same path.
}

async function fillCheckout() {
  const form = await screen.findByTestId("checkout-form")
  const byPlaceholder = (text: string) => screen.getByPlaceholderText(text)
  fireEvent.change(byPlaceholder("邮箱"), { target: { value: "buyer@example.com" } })
  fireEvent.change(byPlaceholder("姓名"), { target: { value: "赵晓" } })
  fireEvent.change(byPlaceholder("11 位手机号"), { target: { value: "13900001111" } })
  fireEvent.change(byPlaceholder("如 湖南省"), { target: { value: "湖南省" } })
  fireEvent.change(byPlaceholder("如 岳阳市"), { target: { value: "岳阳市" } })
  fireEvent.change(byPlaceholder("如 岳阳楼区"), { target: { value: "岳阳楼区" } })
  fireEvent.change(byPlaceholder("街道、门牌号"), { target: { value: "洞庭南路 1 号" } })
  return form
}

describe("checkout", () => {
  it("asks for consent first, then walks commerce's steps to the WeChat Pay (H5) step", async () => {
    session.setToken("tok_1")
    session.setCartId("cart_1")
    rememberReferral({ ref: "REF2345" })
    const seen: Record<string, unknown> = {}
    checkoutBackend(seen)
    render(<Checkout />)
    await fillCheckout()
    fireEvent.click(screen.getByTestId("submit-order"))
    expect((await screen.findByTestId("checkout-error")).textContent).toBe(
      "请阅读并同意《隐私政策》与检测知情说明"
    )
    expect(calls()).not.toContain("POST /store/payment-collections")

    fireEvent.click(screen.getByTestId("consent"))
    fireEvent.click(screen.getByTestId("submit-order"))
    await screen.findByTestId("payment-step")
    expect(screen.getByTestId("h5-pay-url").textContent).toBe("http://pay.test/h5/HS123")
    // The first order binds the referrer the shopper arrived with.
    expect(seen.bind).toEqual({ code: "REF2345" })
    expect(seen.contact).toMatchObject({
      email: "buyer@example.com",
      shipping_address: {
        last_name: "赵",
        first_name: "晓",
        province: "湖南省",
        city: "岳阳市",
        address_2: "岳阳楼区",
        address_1: "洞庭南路 1 号",
        country_code: "cn",
      },
    })
    expect(seen.shipping).toEqual({ option_id: "so_mail" })
    expect(seen.session).toEqual({ provider_id: "pp_wechatpay_wechatpay", data: { channel: "h5" } })
  })

  it("in WeChat pays with wx.requestPayment and the provider's JSAPI parameters, then shows the order", async () => {
    process.env.TARO_ENV = "weapp"
    session.setToken("tok_1")
    session.setCartId("cart_1")
    const seen: Record<string, unknown> = {}
    checkoutBackend(seen)
    render(<Checkout />)
    await fillCheckout()
    fireEvent.click(screen.getByTestId("consent"))
    fireEvent.click(screen.getByTestId("submit-order"))
    await screen.findByTestId("payment-step")
    expect(seen.session).toEqual({
      provider_id: "pp_wechatpay_wechatpay",
      data: { channel: "jsapi", openid: "o-openid-1" },
    })
    fireEvent.click(screen.getByTestId("pay"))
    await waitFor(() =>
      expect(stand.navigations.at(-1)).toEqual({
        kind: "redirectTo",
        url: "/packages/shop/orders/index",
      })
    )
    expect(stand.payments).toEqual([jsapi])
    expect(session.cartId()).toBeUndefined()
  })

  it("keeps the cart when WeChat has not confirmed the payment yet", async () => {
    session.setToken("tok_1")
    session.setCartId("cart_1")
    checkoutBackend({}, () => ({ type: "cart" }) as never)
    render(<Checkout />)
    await fillCheckout()
    fireEvent.click(screen.getByTestId("consent"))
    fireEvent.click(screen.getByTestId("submit-order"))
    fireEvent.click(await screen.findByTestId("pay"))
    expect((await screen.findByTestId("checkout-error")).textContent).toBe(
      "尚未收到微信支付结果，请完成支付后再试"
    )
    expect(session.cartId()).toBe("cart_1")
  })

  it("reads commerce's refusal to complete an unauthorized session as still waiting for WeChat", async () => {
    session.setToken("tok_1")
    session.setCartId("cart_1")
    checkoutBackend({}, () => {
      throw Object.assign(new Error("not authorized"), { status: 400 })
    })
    render(<Checkout />)
    await fillCheckout()
    fireEvent.click(screen.getByTestId("consent"))
    fireEvent.click(screen.getByTestId("submit-order"))
    fireEvent.click(await screen.findByTestId("pay"))
    expect((await screen.findByTestId("checkout-error")).textContent).toBe(
      "尚未收到微信支付结果，请完成支付后再试"
    )
  })

  it("sends a visitor to sign in", async () => {
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

describe("sign-in from a shared card", () => {
  it("signs in with wx.login's code and binds the referrer the card carried", async () => {
    process.env.TARO_ENV = "weapp"
    stand.loginCode = "wx-code-friend.1"
    rememberReferral({ ref: "SHARE234" })
    const seen: Record<string, unknown> = {}
    fakeBackend({
      "POST /auth/customer/wechat": ({ body }: { body: unknown }) => {
        seen.login = body
        return { body: { token: "tok_wechat" } }
      },
      "POST /store/affiliate/bind": ({
        body,
        headers,
      }: {
        body: unknown
        headers: Record<string, string>
      }) => {
        seen.bind = { body, auth: headers.authorization }
        return { body: {} }
      },
    })
    render(<Login />)
    fireEvent.click(screen.getByText("微信一键登录"))
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(seen).toEqual({
      login: { code: "wx-code-friend.1" },
      bind: { body: { code: "SHARE234" }, auth: "Bearer tok_wechat" },
    })
    expect(session.token()).toBe("tok_wechat")
    expect(pendingReferral()).toBeNull()
    expect(stand.navigations[0]).toEqual({ kind: "redirectTo", url: "/pages/account/index" })
  })

  it("offers no WeChat button in a browser and says when the password is wrong", async () => {
    fakeBackend({ "POST /auth/customer/emailpass": refuse(401, "Invalid email or password") })
    render(<Login />)
    expect(screen.queryByText("微信一键登录")).toBeNull()
    fireEvent.click(screen.getByTestId("login-tab-email"))
    fireEvent.change(screen.getByPlaceholderText("邮箱"), { target: { value: "a@b.cn" } })
    fireEvent.change(screen.getByPlaceholderText("密码"), { target: { value: "wrong" } })
    fireEvent.click(screen.getByTestId("login-submit"))
    expect((await screen.findByTestId("login-error")).textContent).toBe("账号或密码不正确")
  })

  it("checks the phone number before asking for a code", async () => {
    render(<Login />)
    fireEvent.change(screen.getByPlaceholderText("11 位手机号"), { target: { value: "123" } })
    fireEvent.click(screen.getByText("获取验证码"))
    expect((await screen.findByTestId("login-error")).textContent).toBe("请输入正确的 11 位手机号")
    expect(stand.requests).toHaveLength(0)
  })
})

describe("分销中心", () => {
  it("shows the share code, link, balances and team", async () => {
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/affiliate/me": {
        affiliate: {
          id: "aff_1",
          code: "MINE2345",
          link: "http://web.test/r/MINE2345",
          status: "member",
          referrer: null,
          bound_at: null,
          balances: { pending: 12.5, available: 30, withdrawing: 0, withdrawn: 0, spent: 0 },
          programme: { rates_percent: [10, 5, 2], hold_days: 7, min_withdrawal: 10 },
        },
      },
      "GET /store/affiliate/commissions": { commissions: [], count: 0 },
      "GET /store/affiliate/team": { levels: [{ level: 1, count: 2, members: [] }] },
      "GET /store/affiliate/withdrawals": { withdrawals: [], count: 0 },
    })
    render(<AffiliateCentre />)
    expect((await screen.findByTestId("share-code")).textContent).toBe("MINE2345")
    expect(screen.getByTestId("share-link").textContent).toBe("http://web.test/r/MINE2345")
    expect(screen.getByTestId("balance-available").textContent).toBe("¥30.00")
    expect(screen.getByText("1级 10% · 2级 5% · 3级 2%", { exact: false }).textContent).toContain(
      "1级 10% · 2级 5% · 3级 2%"
    )
    expect(screen.getByText("2 人").textContent).toBe("2 人")
    expect(screen.getByText("暂无佣金记录，分享给好友，好友下单后即可获得佣金").textContent).toBe(
      "暂无佣金记录，分享给好友，好友下单后即可获得佣金"
    )
    await waitFor(() =>
      expect(stand.share.appMessage?.()).toMatchObject({ path: "/pages/index/index?ref=MINE2345" })
    )
  })
})

describe("采集点", () => {
  it("lists sites with a Tencent map link when the CMS has coordinates", async () => {
    fakeBackend({
      "GET /api/collection-sites": {
        data: [
          {
            documentId: "s1",
            name: "岳阳楼区采集点",
            slug: "a",
            city: "岳阳",
            address: "洞庭南路 1 号",
            latitude: 29.37,
            longitude: 113.09,
            active: true,
          },
          {
            documentId: "s2",
            name: "无坐标采集点",
            slug: "b",
            city: "长沙",
            address: "某路",
            latitude: null,
            longitude: null,
            active: true,
          },
        ],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 2 } },
      },
    })
    render(<Sites />)
    await screen.findByText("岳阳楼区采集点")
    const maps = screen.getAllByTestId("site-map")
    expect(maps).toHaveLength(1)
    expect(maps[0].getAttribute("data-href")).toContain("coord%3A29.37%2C113.09")
  })
})
