import { generateKeyPairSync } from "crypto"
import { rsa2Verify, signContent } from "../../sandbox/signing"
import { AlipayClient } from "../client"
import { resolveAlipayConfig } from "../config"
import vector from "./fixtures/alipay-sdk-notify-vector.json"

const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString()

const clientTrusting = (alipayPublicKey: string) =>
  new AlipayClient(
    resolveAlipayConfig(
      {
        appId: vector.notification.app_id,
        privateKey: appKey,
        alipayPublicKey,
        notifyUrl: "https://shop.example.com/hooks/payment/alipay_alipay",
      },
      {}
    )
  )

/** The form Alipay posts, decoded again as the webhook route decodes it. */
const asPosted = (parameters: Record<string, string>) =>
  Object.fromEntries(new URLSearchParams(new URLSearchParams(parameters).toString()))

describe("a notification Alipay signed (published in alipay-sdk's own tests)", () => {
  it("verifies through the client, with the key given as bare base64 as Alipay's console shows it", () => {
    expect(
      clientTrusting(vector.alipayPublicKey).verifyNotification(asPosted(vector.notification))
    ).toBe(true)
  })

  it("verifies with the sandbox's sign-content rule (all but sign and sign_type, sorted)", () => {
    const { sign, ...rest } = vector.notification
    const pem = `-----BEGIN PUBLIC KEY-----\n${vector.alipayPublicKey}\n-----END PUBLIC KEY-----`
    expect(rsa2Verify(signContent(rest, ["sign", "sign_type"]), sign, pem)).toBe(true)
  })

  it("fails once the amount is changed", () => {
    const tampered = { ...vector.notification, total_amount: "100.10" }
    expect(clientTrusting(vector.alipayPublicKey).verifyNotification(asPosted(tampered))).toBe(
      false
    )
  })

  it("fails against another Alipay public key", () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .publicKey.export({ type: "spki", format: "pem" })
      .toString()
    expect(clientTrusting(other).verifyNotification(asPosted(vector.notification))).toBe(false)
  })

  it("fails without a signature", () => {
    const { sign: _sign, ...unsigned } = vector.notification
    expect(clientTrusting(vector.alipayPublicKey).verifyNotification(unsigned)).toBe(false)
  })
})
