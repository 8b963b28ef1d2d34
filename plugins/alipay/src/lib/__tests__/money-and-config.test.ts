import { generateKeyPairSync } from "crypto"
import { createAlipaySandboxKeys } from "../../sandbox/keys"
import { ALIPAY_PRODUCTION_GATEWAY, resolveAlipayConfig } from "../config"
import { fenToYuanNumber, fenToYuanString, toFen } from "../money"
import {
  outRequestNoFor,
  outTradeNoFor,
  parseShanghaiTime,
  sessionIdFor,
  shanghaiTime,
} from "../trade-no"

describe("amounts", () => {
  it("turns Medusa amounts into fen digit by digit", () => {
    expect(toFen(19.99)).toBe(1999)
    expect(toFen(0.07)).toBe(7)
    expect(toFen(0.1 + 0.2)).toBe(30)
    expect(toFen("649")).toBe(64900)
    expect(toFen("12.3")).toBe(1230)
    expect(toFen({ value: "1234.56" })).toBe(123456)
    expect(toFen({ numeric: 88.8 })).toBe(8880)
  })

  it("refuses negative, non-numeric and sub-fen amounts", () => {
    expect(() => toFen(-1)).toThrow()
    expect(() => toFen("12.345")).toThrow("more than 2 decimals")
    expect(() => toFen("1e3")).toThrow()
    expect(() => toFen(Number.NaN)).toThrow()
  })

  it("writes Alipay's yuan strings with two decimals", () => {
    expect(fenToYuanString(1234)).toBe("12.34")
    expect(fenToYuanString(7)).toBe("0.07")
    expect(fenToYuanString(64900)).toBe("649.00")
    expect(fenToYuanNumber(1999)).toBe(19.99)
    expect(() => fenToYuanString(1.5)).toThrow()
  })

  it("round-trips every fen value up to ¥10,000 exactly", () => {
    for (let fen = 0; fen <= 1_000_000; fen += 7) {
      expect(toFen(fenToYuanString(fen))).toBe(fen)
      expect(toFen(fenToYuanNumber(fen))).toBe(fen)
    }
  })
})

describe("trade numbers and times", () => {
  it("maps a session to its trade and back, new attempts included", () => {
    const session = "payses_01JABCDEFGHJKMNPQRSTVWXYZ0"
    expect(outTradeNoFor(session)).toBe(session)
    expect(outTradeNoFor(session, 3)).toBe(`${session}_a3`)
    expect(sessionIdFor(outTradeNoFor(session, 3))).toBe(session)
    expect(() => outTradeNoFor("bad id!")).toThrow()
  })

  it("derives the same out_request_no from the same refund", () => {
    expect(outRequestNoFor("T1", 1, "ref_1")).toBe(outRequestNoFor("T1", 9, "ref_1"))
    expect(outRequestNoFor("T1", 1, "ref_1")).not.toBe(outRequestNoFor("T1", 1, "ref_2"))
    expect(outRequestNoFor("T1", 2)).toBe("T1_R002")
    expect(outRequestNoFor("T1", 1, "ref_1").length).toBeLessThanOrEqual(64)
  })

  it("writes and reads China time", () => {
    const instant = new Date("2026-12-06T16:30:05Z")
    expect(shanghaiTime(instant)).toBe("2026-12-07 00:30:05")
    expect(parseShanghaiTime("2026-12-07 00:30:05").toISOString()).toBe(instant.toISOString())
  })
})

describe("configuration", () => {
  const keys = createAlipaySandboxKeys()
  const base = {
    ALIPAY_APP_ID: "2021000000000001",
    ALIPAY_PRIVATE_KEY: keys.appPrivateKey,
    ALIPAY_PUBLIC_KEY: keys.alipayPublicKey,
    COMMERCE_PUBLIC_URL: "https://shop.example.com/",
  }

  it("defaults to Alipay's production gateway, a 30-minute expiry and commerce's public notify URL", () => {
    const config = resolveAlipayConfig({}, base)
    expect(config).toMatchObject({
      mode: "public_key",
      gateway: ALIPAY_PRODUCTION_GATEWAY,
      notifyUrl: "https://shop.example.com/hooks/payment/alipay_alipay",
      expireMinutes: 30,
    })
    expect(config.privateKey).toContain("-----BEGIN PRIVATE KEY-----")
  })

  it("takes a PKCS#1 key and bare base64 keys, as Alipay's key tool writes them", () => {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 })
    const pkcs1 = pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString()
    const bare = (pem: string) => pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "")
    const bareSpki = bare(pair.publicKey.export({ type: "spki", format: "pem" }).toString())
    for (const privateKey of [pkcs1, bare(pkcs1), bare(keys.appPrivateKey)]) {
      const config = resolveAlipayConfig({ privateKey, alipayPublicKey: bareSpki }, base)
      expect(config.privateKey).toContain("-----BEGIN PRIVATE KEY-----")
      expect(config.alipayPublicKey).toContain("-----BEGIN PUBLIC KEY-----")
    }
  })

  it("names every missing setting", () => {
    expect(() => resolveAlipayConfig({}, {})).toThrow(
      /ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY, ALIPAY_NOTIFY_URL, ALIPAY_PUBLIC_KEY/
    )
  })

  it("accepts certificate mode and refuses half of it, or both modes at once", () => {
    const certs = createAlipaySandboxKeys("certificate")
    const certEnv = {
      ...base,
      ALIPAY_PUBLIC_KEY: "",
      ALIPAY_APP_CERT: certs.appCert!,
      ALIPAY_PUBLIC_CERT: certs.alipayPublicCert!,
      ALIPAY_ROOT_CERT: certs.alipayRootCert!,
    }
    expect(resolveAlipayConfig({}, certEnv).mode).toBe("certificate")
    expect(() => resolveAlipayConfig({}, { ...certEnv, ALIPAY_ROOT_CERT: "" })).toThrow(
      /ALIPAY_ROOT_CERT/
    )
    expect(() =>
      resolveAlipayConfig({}, { ...certEnv, ALIPAY_PUBLIC_KEY: keys.alipayPublicKey })
    ).toThrow(/not both/)
  })

  it("refuses an Alipay certificate not issued under the configured root", () => {
    const one = createAlipaySandboxKeys("certificate")
    const other = createAlipaySandboxKeys("certificate")
    expect(() =>
      resolveAlipayConfig(
        {
          appCert: one.appCert,
          alipayPublicCert: one.alipayPublicCert,
          alipayRootCert: other.alipayRootCert,
        },
        { ...base, ALIPAY_PUBLIC_KEY: "" }
      )
    ).toThrow(/not issued under ALIPAY_ROOT_CERT/)
  })

  it("refuses relative URLs and odd expiries", () => {
    expect(() => resolveAlipayConfig({ notifyUrl: "/hooks" }, base)).toThrow(/ALIPAY_NOTIFY_URL/)
    expect(() => resolveAlipayConfig({ gateway: "openapi.alipay.com" }, base)).toThrow(
      /ALIPAY_GATEWAY/
    )
    expect(() => resolveAlipayConfig({}, { ...base, ALIPAY_EXPIRE_MINUTES: "0.5" })).toThrow(
      /ALIPAY_EXPIRE_MINUTES/
    )
  })
})
