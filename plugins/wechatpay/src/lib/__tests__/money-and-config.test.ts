import { generateKeyPairSync } from "crypto"
import { mkdtempSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { resolveWechatpayConfig } from "../config"
import { yuanToFen } from "../money"
import { outRefundNoFor, outTradeNoFor, rfc3339Shanghai, sessionIdFor } from "../trade-no"

describe("yuan to fen", () => {
  it.each([
    [0.01, 1],
    [19.99, 1999],
    [1299, 129900],
    ["1299.50", 129950],
    ["0.1", 10],
    [0.1 + 0.2, 30],
    [{ value: "3598" }, 359800],
    [{ numeric: 7198.5 }, 719850],
  ])("%p yuan is %p fen", (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen)
  })

  it.each([["1.001"], ["-1"], ["abc"], [Number.NaN]])("refuses %p", (bad) => {
    expect(() => yuanToFen(bad)).toThrow()
  })
})

describe("trade numbers", () => {
  it("maps a payment session id to out_trade_no and back, within 32 characters", () => {
    const session = "payses_01JD8X6Z3K9QWERTYASDFGHJKL"
    const tradeNo = outTradeNoFor(session)
    expect(tradeNo).toBe("PS01JD8X6Z3K9QWERTYASDFGHJKL")
    expect(tradeNo.length).toBeLessThanOrEqual(32)
    expect(sessionIdFor(tradeNo)).toBe(session)
    expect(sessionIdFor(outTradeNoFor(session, 3))).toBe(session)
  })

  it("derives the same out_refund_no for a retry of the same refund", () => {
    expect(outRefundNoFor("PS01ABC", 1, "idem-1")).toBe(outRefundNoFor("PS01ABC", 5, "idem-1"))
    expect(outRefundNoFor("PS01ABC", 2)).toBe("PS01ABCR002")
    expect(outRefundNoFor("PS01ABC", 1, "idem-1").length).toBeLessThanOrEqual(64)
  })

  it("writes time_expire in RFC 3339 China time", () => {
    expect(rfc3339Shanghai(new Date("2026-11-24T16:30:00Z"))).toBe("2026-11-25T00:30:00+08:00")
  })
})

describe("configuration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wxpay-"))
  const merchant = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  })
  const wechat = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  })
  writeFileSync(path.join(dir, "key.pem"), merchant.privateKey)
  const env = {
    WECHATPAY_APPID: "wx1",
    WECHATPAY_MCHID: "1900000109",
    WECHATPAY_SERIAL_NO: "S1",
    WECHATPAY_PRIVATE_KEY: path.join(dir, "key.pem"),
    WECHATPAY_APIV3_KEY: "0123456789abcdef0123456789abcdef",
    WECHATPAY_PUBLIC_KEY_ID: "PUB_KEY_ID_0114232134912410000000000000",
    WECHATPAY_PUBLIC_KEY: wechat.publicKey,
    WECHATPAY_NOTIFY_URL: "https://shop.example.cn/hooks/payment/wechatpay_wechatpay",
  }

  it("reads PEM text or a PEM file path, and defaults to the real API host", () => {
    const config = resolveWechatpayConfig({}, env)
    expect(config.apiBase).toBe("https://api.mch.weixin.qq.com")
    expect(Object.keys(config.verificationKeys)).toEqual([
      "PUB_KEY_ID_0114232134912410000000000000",
    ])
    expect(config.privateKey.type).toBe("private")
  })

  it("defaults the notify URL to commerce's public origin, the old name as fallback", () => {
    const { WECHATPAY_NOTIFY_URL: _explicit, ...withoutNotifyUrl } = env
    expect(
      resolveWechatpayConfig(
        {},
        {
          ...withoutNotifyUrl,
          COMMERCE_PUBLIC_URL: "https://api.shop.example.cn/",
          MEDUSA_BACKEND_URL: "http://commerce:9000",
        }
      ).notifyUrl
    ).toBe("https://api.shop.example.cn/hooks/payment/wechatpay_wechatpay")
    expect(
      resolveWechatpayConfig(
        {},
        {
          ...withoutNotifyUrl,
          WECHATPAY_NOTIFY_URL: "",
          MEDUSA_BACKEND_URL: "https://a.example.cn",
        }
      ).notifyUrl
    ).toBe("https://a.example.cn/hooks/payment/wechatpay_wechatpay")
  })

  it("names every missing variable", () => {
    expect(() => resolveWechatpayConfig({}, { WECHATPAY_APPID: "wx1" })).toThrow(
      "WECHATPAY_MCHID, WECHATPAY_SERIAL_NO, WECHATPAY_PRIVATE_KEY, WECHATPAY_APIV3_KEY, WECHATPAY_NOTIFY_URL, WECHATPAY_PUBLIC_KEY"
    )
  })

  it("refuses an APIv3 key that is not 32 bytes, a public key without its id, and a bad key path", () => {
    expect(() => resolveWechatpayConfig({}, { ...env, WECHATPAY_APIV3_KEY: "short" })).toThrow(
      "exactly 32 bytes"
    )
    expect(() => resolveWechatpayConfig({}, { ...env, WECHATPAY_PUBLIC_KEY_ID: "" })).toThrow(
      "PUB_KEY_ID_"
    )
    expect(() =>
      resolveWechatpayConfig({}, { ...env, WECHATPAY_PRIVATE_KEY: "/nope.pem" })
    ).toThrow("cannot read /nope.pem")
  })
})
