import { createVerify, generateKeyPairSync } from "crypto"
import { decryptResource, encryptResource } from "../aead"
import { requestPaymentParams } from "../jsapi-params"
import {
  authorizationHeader,
  parseAuthorization,
  signLines,
  verifyWechatpaySignature,
} from "../signature"

const keys = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  })

describe("request signing", () => {
  it("signs METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nBODY\\n and formats the Authorization header", () => {
    const merchant = keys()
    const body = '{"mchid":"1900000109"}'
    const header = authorizationHeader(
      { mchid: "1900000109", serialNo: "SERIAL123", privateKey: merchant.privateKey },
      "post",
      "/v3/pay/transactions/native",
      body,
      1732406400,
      "NONCE42"
    )
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="NONCE42",signature="[^"]+",timestamp="1732406400",serial_no="SERIAL123"$/
    )
    const parsed = parseAuthorization(header)!
    const expectedMessage = `POST\n/v3/pay/transactions/native\n1732406400\nNONCE42\n${body}\n`
    expect(
      createVerify("RSA-SHA256")
        .update(expectedMessage)
        .verify(merchant.publicKey, parsed.signature, "base64")
    ).toBe(true)
  })

  it("rejects headers that are not WeChat Pay v3 authorizations", () => {
    expect(parseAuthorization("Bearer abc")).toBeNull()
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1"')).toBeNull()
  })
})

describe("response and callback verification", () => {
  const wechat = keys()
  const body = '{"trade_state":"SUCCESS"}'
  const now = 1732406400_000
  const headersFor = (text: string, timestamp = now / 1000, key = wechat.privateKey) => ({
    "wechatpay-timestamp": String(timestamp),
    "wechatpay-nonce": "N1",
    "wechatpay-serial": "PUB_KEY_ID_TEST",
    "wechatpay-signature": signLines([String(timestamp), "N1", text], key),
  })
  const trusted = { PUB_KEY_ID_TEST: wechat.publicKey }

  it("accepts a correctly signed message", () => {
    expect(verifyWechatpaySignature(headersFor(body), body, trusted, now)).toEqual({ ok: true })
  })

  it("rejects a tampered body", () => {
    expect(
      verifyWechatpaySignature(headersFor(body), body.replace("SUCCESS", "CLOSED"), trusted, now)
    ).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("rejects a message signed by another key", () => {
    expect(
      verifyWechatpaySignature(headersFor(body, now / 1000, keys().privateKey), body, trusted, now)
    ).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("rejects a timestamp more than five minutes away", () => {
    expect(
      verifyWechatpaySignature(headersFor(body, now / 1000 - 301), body, trusted, now)
    ).toEqual({ ok: false, reason: "stale" })
    expect(
      verifyWechatpaySignature(headersFor(body, now / 1000 - 299), body, trusted, now)
    ).toEqual({ ok: true })
  })

  it("rejects an unknown serial and missing headers", () => {
    expect(
      verifyWechatpaySignature(
        { ...headersFor(body), "wechatpay-serial": "OTHER" },
        body,
        trusted,
        now
      )
    ).toEqual({ ok: false, reason: "unknown_serial" })
    expect(verifyWechatpaySignature({}, body, trusted, now)).toEqual({
      ok: false,
      reason: "missing_headers",
    })
  })
})

describe("AEAD_AES_256_GCM resources", () => {
  const apiV3Key = "0123456789abcdef0123456789abcdef"

  it("decrypts what WeChat encrypts with the APIv3 key and associated data", () => {
    const resource = encryptResource(
      '{"out_trade_no":"PS1"}',
      apiV3Key,
      "transaction",
      "transaction"
    )
    expect(resource.nonce).toHaveLength(12)
    expect(decryptResource(resource, apiV3Key)).toBe('{"out_trade_no":"PS1"}')
  })

  it("fails on tampered ciphertext, wrong associated data or the wrong key", () => {
    const resource = encryptResource("secret", apiV3Key, "transaction", "transaction")
    const bytes = Buffer.from(resource.ciphertext, "base64")
    bytes[0] ^= 1
    expect(() =>
      decryptResource({ ...resource, ciphertext: bytes.toString("base64") }, apiV3Key)
    ).toThrow()
    expect(() => decryptResource({ ...resource, associated_data: "refund" }, apiV3Key)).toThrow()
    expect(() => decryptResource(resource, "fedcba9876543210fedcba9876543210")).toThrow()
  })

  it("requires a 32-byte key", () => {
    expect(() => encryptResource("x", "short", "a", "b")).toThrow("32 bytes")
  })
})

describe("wx.requestPayment parameters", () => {
  it("signs appId\\ntimeStamp\\nnonceStr\\npackage\\n with the merchant key", () => {
    const merchant = keys()
    const params = requestPaymentParams(
      "wx8888888888888888",
      "wx201410272009395522657a690389285100",
      merchant.privateKey,
      1414561699,
      "5K8264ILTKCH16CQ2502SI8ZNMTM67VS"
    )
    expect(params).toMatchObject({
      appId: "wx8888888888888888",
      timeStamp: "1414561699",
      nonceStr: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
      package: "prepay_id=wx201410272009395522657a690389285100",
      signType: "RSA",
    })
    const message =
      "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n"
    expect(
      createVerify("RSA-SHA256")
        .update(message)
        .verify(merchant.publicKey, params.paySign, "base64")
    ).toBe(true)
  })
})
