import { generateKeyPairSync, randomBytes } from "crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs"
import path from "path"
import forge from "node-forge"

/** A certificate and its private key, both PEM. */
export type IssuedCertificate = { certificate: string; privateKey: string }

/** The sandbox's certificates: UnionPay's root → middle → signing chain, and the merchant's. */
export type SandboxPki = {
  merId: string
  root: IssuedCertificate
  middle: IssuedCertificate
  /** UnionPay's signing certificate, sent as signPubKeyCert with every answer. */
  unionpaySign: IssuedCertificate
  /** The merchant's signing certificate (what UnionPay issues as a .pfx). */
  merchantSign: IssuedCertificate
}

type Name = { CN: string; OU?: string; O?: string }

/**
 * Issues an X.509 v3 certificate (node's crypto verifies certificates but cannot make them,
 * hence node-forge for the signing). Keys come from node's crypto, which is much faster.
 */
export function issueCertificate({
  subject,
  issuer,
  ca,
  days = 3650,
  notBefore = new Date(Date.now() - 24 * 3600_000),
}: {
  subject: Name
  /** Self-signed when absent. */
  issuer?: IssuedCertificate
  ca: boolean
  days?: number
  notBefore?: Date
}): IssuedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  })
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey)
  // A positive serial of 8 random bytes (the high bit cleared).
  cert.serialNumber = `0${randomBytes(8).toString("hex").slice(1)}`
  cert.validity.notBefore = notBefore
  cert.validity.notAfter = new Date(notBefore.getTime() + days * 24 * 3600_000)
  const attributes = (name: Name): forge.pki.CertificateField[] =>
    Object.entries(name).map(([shortName, value]) => ({
      shortName,
      value,
      // UTF8String, so the CN keeps 中国银联股份有限公司 (forge encodes the JS string itself).
      // (@types/node-forge types the field as a tag class; forge reads it as the value tag.)
      valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
    }))
  cert.setSubject(attributes(subject))
  const issuerCert = issuer ? forge.pki.certificateFromPem(issuer.certificate) : undefined
  // forge reads UTF8String values back as UTF-8 bytes: decoded, so they encode to the same name.
  const issuerName = issuerCert?.subject.attributes.map((attribute) => ({
    shortName: attribute.shortName,
    valueTagClass: attribute.valueTagClass,
    value:
      (attribute.valueTagClass as unknown) === forge.asn1.Type.UTF8
        ? forge.util.decodeUtf8(String(attribute.value))
        : attribute.value,
  }))
  cert.setIssuer(issuerName ?? attributes(subject))
  cert.setExtensions([
    { name: "basicConstraints", cA: ca, critical: true },
    ca
      ? { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true }
      : { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
  ])
  cert.sign(
    forge.pki.privateKeyFromPem(issuer ? issuer.privateKey : privateKey),
    forge.md.sha256.create()
  )
  return { certificate: forge.pki.certificateToPem(cert), privateKey }
}

/** A complete UnionPay-shaped chain, as UnionPay's CFCA-issued certificates look. */
export function createSandboxPki(merId = "777290058110048"): SandboxPki {
  const root = issueCertificate({
    subject: { CN: "CFCA TEST OCA1 沙箱根证书", O: "China Financial Certification Authority" },
    ca: true,
  })
  const middle = issueCertificate({
    subject: { CN: "CFCA TEST OCA11 沙箱中级证书", O: "China Financial Certification Authority" },
    issuer: root,
    ca: true,
  })
  const unionpaySign = issueCertificate({
    subject: {
      CN: "041@Z2026@中国银联股份有限公司@00040000:SIGN",
      OU: "00040000:SIGN",
      O: "中国银联股份有限公司",
    },
    issuer: middle,
    ca: false,
    days: 730,
  })
  const merchantSign = issueCertificate({
    subject: { CN: `041@Z2026@${merId}@00000001`, OU: "Enterprises", O: "健康服务平台 沙箱商户" },
    issuer: middle,
    ca: false,
    days: 730,
  })
  return { merId, root, middle, unionpaySign, merchantSign }
}

/**
 * The certificates, generated on first start into the data directory (never committed) and
 * reused afterwards, so the provider's settings stay valid across sandbox restarts.
 */
export function loadOrCreateSandboxPki(dataDir: string): SandboxPki {
  const file = path.join(dataDir, "pki.json")
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as SandboxPki
  mkdirSync(dataDir, { recursive: true })
  const pki = createSandboxPki()
  writeFileSync(file, JSON.stringify(pki, null, 2), { mode: 0o600 })
  writeFileSync(
    path.join(dataDir, "merchant_sign.pem"),
    `${pki.merchantSign.privateKey}${pki.merchantSign.certificate}`,
    { mode: 0o600 }
  )
  writeFileSync(path.join(dataDir, "root.cer"), pki.root.certificate)
  writeFileSync(path.join(dataDir, "middle.cer"), pki.middle.certificate)
  return pki
}

/** The UNIONPAY_* settings that point the provider at this sandbox. */
export function providerEnv(
  pki: SandboxPki,
  dataDir: string,
  gateway: string,
  urls: { notifyUrl?: string; frontUrl?: string } = {}
): Record<string, string> {
  return {
    UNIONPAY_MER_ID: pki.merId,
    UNIONPAY_SIGN_CERT: path.join(dataDir, "merchant_sign.pem"),
    UNIONPAY_ROOT_CERT: path.join(dataDir, "root.cer"),
    UNIONPAY_MIDDLE_CERT: path.join(dataDir, "middle.cer"),
    UNIONPAY_GATEWAY: gateway,
    ...(urls.notifyUrl && { UNIONPAY_NOTIFY_URL: urls.notifyUrl }),
    ...(urls.frontUrl && { UNIONPAY_FRONT_URL: urls.frontUrl }),
  }
}
