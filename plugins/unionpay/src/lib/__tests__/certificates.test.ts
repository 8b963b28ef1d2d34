import { X509Certificate } from "crypto"
import forge from "node-forge"
import { createSandboxPki, issueCertificate, type SandboxPki } from "../../sandbox/pki"
import { certIdOf, loadSigningCredentials, verifyUnionpayCertificate } from "../certificates"
import { resolveUnionpayConfig } from "../config"

jest.setTimeout(60_000)

describe("UnionPay certificate chain (ACP 5.1.0 signPubKeyCert)", () => {
  let pki: SandboxPki
  let rogue: SandboxPki
  let chain: { root: X509Certificate; middle: X509Certificate }

  beforeAll(() => {
    pki = createSandboxPki()
    rogue = createSandboxPki()
    chain = {
      root: new X509Certificate(pki.root.certificate),
      middle: new X509Certificate(pki.middle.certificate),
    }
  })

  it("accepts UnionPay's signing certificate issued under the configured middle and root", () => {
    const verdict = verifyUnionpayCertificate(pki.unionpaySign.certificate, chain)
    expect(verdict.ok).toBe(true)
  })

  it("refuses a certificate with the same name from another root (a forger's chain)", () => {
    expect(verifyUnionpayCertificate(rogue.unionpaySign.certificate, chain)).toEqual({
      ok: false,
      reason: "certificate not issued by the configured middle certificate",
    })
  })

  it("refuses a middle certificate presented as if it were the configured one", () => {
    const verdict = verifyUnionpayCertificate(rogue.unionpaySign.certificate, {
      root: chain.root,
      middle: new X509Certificate(rogue.middle.certificate),
    })
    expect(verdict).toEqual({
      ok: false,
      reason: "middle certificate not issued by the configured root",
    })
  })

  it("refuses a certificate the middle CA issued to someone not named 中国银联股份有限公司", () => {
    const merchant = verifyUnionpayCertificate(pki.merchantSign.certificate, chain)
    expect(merchant.ok).toBe(false)
    const testCert = issueCertificate({
      subject: { CN: "041@Z2026@00040000:SIGN@00000002" },
      issuer: pki.middle,
      ca: false,
    })
    expect(verifyUnionpayCertificate(testCert.certificate, chain).ok).toBe(false)
    // UnionPay's test environment names its certificates so (the SDK's ifValidateCNName=false).
    expect(
      verifyUnionpayCertificate(testCert.certificate, { ...chain, testEnvironment: true }).ok
    ).toBe(true)
  })

  it("refuses an expired certificate and garbage", () => {
    const expired = issueCertificate({
      subject: { CN: "041@Z2020@中国银联股份有限公司@00040000:SIGN" },
      issuer: pki.middle,
      ca: false,
      notBefore: new Date("2020-01-01T00:00:00Z"),
      days: 365,
    })
    expect(verifyUnionpayCertificate(expired.certificate, chain)).toEqual({
      ok: false,
      reason: "certificate expired or not yet valid",
    })
    expect(
      verifyUnionpayCertificate(
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        chain
      ).ok
    ).toBe(false)
  })

  it("reads the merchant's signing key from PEM and from a password-protected PKCS#12, certId in decimal", () => {
    const fromPem = loadSigningCredentials(
      `${pki.merchantSign.privateKey}${pki.merchantSign.certificate}`
    )
    const serialHex = new X509Certificate(pki.merchantSign.certificate).serialNumber
    expect(fromPem.certId).toBe(BigInt(`0x${serialHex}`).toString())
    expect(fromPem.certId).toMatch(/^\d+$/)

    const p12 = forge.pkcs12.toPkcs12Asn1(
      forge.pki.privateKeyFromPem(pki.merchantSign.privateKey),
      [forge.pki.certificateFromPem(pki.merchantSign.certificate)],
      "000000",
      { algorithm: "3des" }
    )
    const base64 = forge.util.encode64(forge.asn1.toDer(p12).getBytes())
    const fromP12 = loadSigningCredentials(base64, "000000")
    expect(fromP12.certId).toBe(fromPem.certId)
    expect(certIdOf(fromP12.certificate)).toBe(fromPem.certId)
    expect(() => loadSigningCredentials(base64, "wrong")).toThrow(/UNIONPAY_SIGN_CERT_PASSWORD/)
  })

  it("refuses a PEM key that does not belong to the certificate", () => {
    expect(() =>
      loadSigningCredentials(`${rogue.merchantSign.privateKey}${pki.merchantSign.certificate}`)
    ).toThrow(/does not belong/)
  })

  it("names every missing setting and checks the merchant number", () => {
    expect(() => resolveUnionpayConfig({}, {})).toThrow(
      "银联支付配置缺失 (UnionPay is not configured): set UNIONPAY_MER_ID, UNIONPAY_SIGN_CERT, UNIONPAY_ROOT_CERT, UNIONPAY_MIDDLE_CERT, UNIONPAY_NOTIFY_URL, UNIONPAY_FRONT_URL"
    )
    const env = {
      UNIONPAY_MER_ID: "12345",
      UNIONPAY_SIGN_CERT: `${pki.merchantSign.privateKey}${pki.merchantSign.certificate}`,
      UNIONPAY_ROOT_CERT: pki.root.certificate,
      UNIONPAY_MIDDLE_CERT: pki.middle.certificate,
      UNIONPAY_FRONT_URL: "https://shop.example.cn/checkout/result",
      COMMERCE_PUBLIC_URL: "https://api.example.cn/",
    }
    expect(() => resolveUnionpayConfig({}, env)).toThrow(
      "UNIONPAY_MER_ID must be the 15-digit 商户号"
    )
    const config = resolveUnionpayConfig({}, { ...env, UNIONPAY_MER_ID: "777290058110048" })
    expect(config.gateway).toBe("https://gateway.95516.com")
    expect(config.notifyUrl).toBe("https://api.example.cn/hooks/payment/unionpay_unionpay")
    expect(config.testEnvironment).toBe(false)
  })
})
