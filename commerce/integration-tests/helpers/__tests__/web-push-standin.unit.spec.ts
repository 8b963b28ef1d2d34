import { createECDH } from "node:crypto"
import webpush from "web-push"
import { checkVapid, decryptAes128gcm } from "../web-push-standin"

describe("web push stand-in", () => {
  it("decrypts RFC 8291 appendix A's message with the browser's private key and auth secret", () => {
    const browser = createECDH("prime256v1")
    browser.setPrivateKey(Buffer.from("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94", "base64url"))
    const body = Buffer.from(
      "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
      "base64url"
    )
    const auth = Buffer.from("BTBZMqHH6r4Tts7J_aSIgg", "base64url")
    expect(decryptAes128gcm(body, browser, auth).toString()).toBe(
      "When I grow up, I want to be a watermelon"
    )
    const tampered = Buffer.from(body)
    tampered[tampered.length - 20] ^= 1
    expect(() => decryptAes128gcm(tampered, browser, auth)).toThrow()
    expect(() => decryptAes128gcm(body, browser, Buffer.alloc(16))).toThrow()
  })

  it("accepts a VAPID JWT for its own origin only, signed by the key it names", () => {
    const keys = webpush.generateVAPIDKeys()
    const other = webpush.generateVAPIDKeys()
    const headerFor = (aud: string, publicKey = keys.publicKey) =>
      (require("web-push") as any).getVapidHeaders(
        aud,
        "mailto:ops@health.local",
        publicKey,
        keys.privateKey,
        "aes128gcm"
      ).Authorization as string
    const origin = "https://127.0.0.1:4443"
    expect(checkVapid(headerFor(origin), origin)).toMatchObject({
      aud: origin,
      sub: "mailto:ops@health.local",
      public_key: keys.publicKey,
    })
    expect(() => checkVapid(headerFor("https://elsewhere.example"), origin)).toThrow(/aud/)
    expect(() => checkVapid(headerFor(origin, other.publicKey), origin)).toThrow(/signature/)
    expect(() => checkVapid("Bearer x", origin)).toThrow(/vapid/)
  })
})
