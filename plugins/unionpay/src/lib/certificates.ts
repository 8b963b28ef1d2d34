import { createPrivateKey, X509Certificate, type KeyObject } from "crypto"
import { readFileSync } from "fs"
import forge from "node-forge"

/** The company name ACP requires in the third "@" part of a UnionPay signing cert's CN. */
export const UNIONPAY_COMPANY_NAME = "中国银联股份有限公司"

export type SigningCredentials = {
  privateKey: KeyObject
  certificate: X509Certificate
  /** ACP certId: the signing certificate's serial number in decimal. */
  certId: string
}

/**
 * Text as given (PEM, or base64 of a PKCS#12), or the file it names: PEM files as text, any
 * other file (a .pfx) as base64.
 */
export function textOrFile(value: string, variable: string): string {
  if (value.includes("-----BEGIN")) return value.replace(/\\n/g, "\n")
  if (/^[A-Za-z0-9+/=\s]{64,}$/.test(value)) return value
  let bytes: Buffer
  try {
    bytes = readFileSync(value)
  } catch {
    throw new Error(
      `${variable} must be PEM text, base64 or the path of a file (cannot read ${value})`
    )
  }
  const text = bytes.toString("utf8")
  return text.includes("-----BEGIN") ? text : bytes.toString("base64")
}

export function certIdOf(certificate: X509Certificate): string {
  return BigInt(`0x${certificate.serialNumber}`).toString(10)
}

/**
 * The merchant's signing key and certificate: PEM (key and certificate in one text or file)
 * or a PKCS#12 (.pfx, as UnionPay issues it) in base64 or as a file, with its password.
 */
export function loadSigningCredentials(value: string, password = ""): SigningCredentials {
  const text = textOrFile(value, "UNIONPAY_SIGN_CERT")
  let keyPem: string
  let certPem: string
  if (text.includes("-----BEGIN")) {
    const key =
      /-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |ENCRYPTED )?PRIVATE KEY-----/.exec(
        text
      )
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)
    if (!key || !cert)
      throw new Error("UNIONPAY_SIGN_CERT in PEM needs both the private key and the certificate")
    keyPem = key[0]
    certPem = cert[0]
    const privateKey = createPrivateKey({ key: keyPem, passphrase: password || undefined })
    return withCertificate(privateKey, certPem)
  }
  try {
    const der = forge.util.decode64(text.replace(/\s+/g, ""))
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), password)
    const keyBag =
      p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
        forge.pki.oids.pkcs8ShroudedKeyBag
      ]?.[0] ?? p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag]?.[0]
    const certBag = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0]
    if (!keyBag?.key || !certBag?.cert) throw new Error("no key or certificate in it")
    keyPem = forge.pki.privateKeyToPem(keyBag.key)
    certPem = forge.pki.certificateToPem(certBag.cert)
  } catch (error) {
    throw new Error(
      `UNIONPAY_SIGN_CERT is not a readable PKCS#12 (check UNIONPAY_SIGN_CERT_PASSWORD): ${(error as Error).message}`
    )
  }
  return withCertificate(createPrivateKey(keyPem), certPem)
}

function withCertificate(privateKey: KeyObject, certPem: string): SigningCredentials {
  const certificate = new X509Certificate(certPem)
  if (!certificate.checkPrivateKey(privateKey))
    throw new Error("UNIONPAY_SIGN_CERT: the private key does not belong to the certificate")
  return { privateKey, certificate, certId: certIdOf(certificate) }
}

export type CertificateVerdict =
  | { ok: true; certificate: X509Certificate }
  | { ok: false; reason: string }

function inForce(certificate: X509Certificate, now: Date): boolean {
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo)
}

/** The third "@" part of the subject CN (UnionPay SDK's getIdentitiesFromCertficate). */
function cnIdentity(certificate: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(certificate.subject)?.[1] ?? ""
  return cn.split("@")[2] ?? ""
}

/**
 * ACP 5.1.0 verification of the `signPubKeyCert` a response or notification carries: it
 * must be in force, issued and signed by the configured middle certificate, which the
 * configured root issued and signed, and name UnionPay as the SDK checks it: the CN's
 * third "@" part is 中国银联股份有限公司 (production certificates), or, only when
 * `testEnvironment` is on (UnionPay's 测试环境, UNIONPAY_VALIDATE_CN_NAME=false, the SDK's
 * ifValidateCNName), the test certificates' 00040000:SIGN. Only then may its key verify.
 */
export function verifyUnionpayCertificate(
  pem: string,
  chain: { root: X509Certificate; middle: X509Certificate; testEnvironment?: boolean },
  now = new Date()
): CertificateVerdict {
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(pem.replace(/\\n/g, "\n"))
  } catch {
    return { ok: false, reason: "signPubKeyCert is not a certificate" }
  }
  const { root, middle } = chain
  if (!inForce(certificate, now))
    return { ok: false, reason: "certificate expired or not yet valid" }
  if (!inForce(middle, now) || !inForce(root, now))
    return { ok: false, reason: "configured middle or root certificate expired" }
  if (!certificate.checkIssued(middle) || !certificate.verify(middle.publicKey))
    return { ok: false, reason: "certificate not issued by the configured middle certificate" }
  if (!middle.checkIssued(root) || !middle.verify(root.publicKey))
    return { ok: false, reason: "middle certificate not issued by the configured root" }
  if (!root.verify(root.publicKey))
    return { ok: false, reason: "root certificate is not self-signed" }
  const identity = cnIdentity(certificate)
  const named =
    identity === UNIONPAY_COMPANY_NAME || (!!chain.testEnvironment && identity === "00040000:SIGN")
  if (!named) return { ok: false, reason: `certificate CN does not name UnionPay (${identity})` }
  return { ok: true, certificate }
}
