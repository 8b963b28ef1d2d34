import { paymentMethodsFor, PAYMENT_PROVIDER_IDS as P } from "@health/core"
import { h5CashierUrl, namedForPlace, paymentPlaceFor } from "@/lib/payment-channel"
import {
  oauthAuthorizeUrl,
  officialAccountFromEnv,
  openidForCode,
} from "@/lib/wechat-official-account"

const WECHAT = "Mozilla/5.0 (iPhone) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI"

describe("paymentPlaceFor", () => {
  it("tells WeChat's browser, other phone browsers and PCs apart", () => {
    expect(
      paymentPlaceFor(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
      )
    ).toBe("mobile_browser")
    expect(paymentPlaceFor("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36")).toBe(
      "mobile_browser"
    )
    expect(
      paymentPlaceFor("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130")
    ).toBe("pc_browser")
    expect(paymentPlaceFor(WECHAT)).toBe("wechat_browser")
  })
})

describe("namedForPlace", () => {
  const labels = (place: "pc_browser" | "mobile_browser" | "wechat_browser") =>
    namedForPlace(
      paymentMethodsFor({
        channel: place,
        registered: [P.wechatpay, P.alipay, P.unionpay, P.offline],
        offlineAllowed: true,
      }),
      place
    )
      .filter((method) => method.offered)
      .map((method) => method.label)

  it("says how WeChat Pay opens outside WeChat: a QR code on a PC, H5 on a phone", () => {
    expect(labels("pc_browser")).toEqual(["微信支付（微信扫码）", "支付宝", "银联支付", "线下支付"])
    expect(labels("mobile_browser")).toEqual([
      "微信支付（微信H5）",
      "支付宝",
      "银联支付",
      "线下支付",
    ])
    expect(labels("wechat_browser")).toEqual(["微信支付", "线下支付"])
  })
})

describe("the official account's web OAuth", () => {
  const account = {
    appid: "wx7777777777777777",
    secret: "s3cret",
    apiBase: "https://api.weixin.qq.com",
    openBase: "https://open.weixin.qq.com",
  }

  it("is configured only with an AppID and a secret", () => {
    expect(officialAccountFromEnv({ WECHAT_OA_APPID: "wx1" } as never)).toBeNull()
    expect(
      officialAccountFromEnv({
        WECHAT_OA_APPID: "wx1",
        WECHAT_OA_SECRET: "s",
        WECHAT_API_BASE: "http://127.0.0.1:9401/",
      } as never)
    ).toEqual({
      appid: "wx1",
      secret: "s",
      apiBase: "http://127.0.0.1:9401",
      openBase: "https://open.weixin.qq.com",
    })
  })

  it("sends the member to WeChat's authorize page in WeChat's parameter order, silently (snsapi_base)", () => {
    expect(
      oauthAuthorizeUrl(account, "https://shop.cn/api/wechat/oauth?next=%2Fcheckout", "st")
    ).toBe(
      "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx7777777777777777" +
        "&redirect_uri=https%3A%2F%2Fshop.cn%2Fapi%2Fwechat%2Foauth%3Fnext%3D%252Fcheckout" +
        "&response_type=code&scope=snsapi_base&state=st#wechat_redirect"
    )
  })

  it("trades the code for the openid, and fails with WeChat's errmsg", async () => {
    const calls: string[] = []
    const answer = (body: object) =>
      (async (url: string) => {
        calls.push(url)
        return { status: 200, json: async () => body }
      }) as unknown as typeof fetch
    await expect(
      openidForCode(
        account,
        "c0de",
        answer({ access_token: "t", openid: "oPayer", scope: "snsapi_base" })
      )
    ).resolves.toBe("oPayer")
    expect(calls[0]).toBe(
      "https://api.weixin.qq.com/sns/oauth2/access_token?appid=wx7777777777777777&secret=s3cret&code=c0de&grant_type=authorization_code"
    )
    await expect(
      openidForCode(account, "used", answer({ errcode: 40163, errmsg: "code been used" }))
    ).rejects.toThrow("WeChat OAuth 40163: code been used")
  })
})

describe("h5CashierUrl", () => {
  it("brings the payer back to the cart's payment page on the public origin", () => {
    const url = new URL(
      h5CashierUrl(
        "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1",
        "cart_1",
        "https://shop.example.cn"
      )
    )
    expect(url.searchParams.get("prepay_id")).toBe("wx1")
    expect(url.searchParams.get("redirect_url")).toBe(
      "https://shop.example.cn/checkout/pay?cart=cart_1"
    )
  })
})
