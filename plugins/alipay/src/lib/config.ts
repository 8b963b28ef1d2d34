import { createPrivateKey, createPublicKey, X509Certificate } from "crypto"
import { readFileSync } from "fs"

export type AlipayOptions = {
  appId?: string
  /** The app's RSA2 private key: PEM (PKCS#1 or PKCS#8), bare base64 as Alipay's key tool gives it, or a file path. */
  privateKey?: string
  /** Public-key mode: Alipay's public key (PEM, bare base64 or a file path). */
  alipayPublicKey?: string
  /** Certificate mode: the app's public-key certificate, Alipay's, and Alipay's root certificates. */
  appCert?: string
  alipayPublicCert?: string
  alipayRootCert?: string
  /** Default: Alipay's production gateway. */
  gateway?: string
  notifyUrl?: string
  /** Where the cashier sends the shopper back (optional). */
  returnUrl?: string
  /** The merchant's PID (2088…): when set, notifications for another seller are refused. */
  sellerId?: string
  /** Minutes until an unpaid trade closes (time_expire). */
  expireMinutes?: number
}

export type AlipayConfig = {
  appId: string
  /** PKCS#8 PEM, whatever form it was given in (alipay-sdk then takes keyType "PKCS8"). */
  privateKey: string
  mode: "public_key" | "certificate"
  alipayPublicKey?: string
  appCert?: string
  alipayPublicCert?: string
  alipayRootCert?: string
  gateway: string
  notifyUrl: string
  returnUrl: string | null
  sellerId: string | null
  expireMinutes: number
}

export const ALIPAY_ENV = {
  appId: "ALIPAY_APP_ID",
  privateKey: "ALIPAY_PRIVATE_KEY",
  alipayPublicKey: "ALIPAY_PUBLIC_KEY",
  appCert: "ALIPAY_APP_CERT",
  alipayPublicCert: "ALIPAY_PUBLIC_CERT",
  alipayRootCert: "ALIPAY_ROOT_CERT",
  gateway: "ALIPAY_GATEWAY",
  notifyUrl: "ALIPAY_NOTIFY_URL",
  returnUrl: "ALIPAY_RETURN_URL",
  sellerId: "ALIPAY_SELLER_ID",
  expireMinutes: "ALIPAY_EXPIRE_MINUTES",
} as const

export const ALIPAY_PRODUCTION_GATEWAY = "https://openapi.alipay.com/gateway.do"

/** Key or certificate text as given (PEM or bare base64), or the contents of the file it names. */
function material(value: string, variable: string): string {
  const text = value.replace(/\\n/g, "\n").trim()
  if (text.includes("-----BEGIN") || /^[A-Za-z0-9+/=\s]{100,}$/.test(text)) return text
  try {
    return readFileSync(text, "utf8")
  } catch {
    throw new Error(
      `${variable} must be a key/certificate or the path of a file (cannot read ${text})`
    )
  }
}

function der(base64: string) {
  return Buffer.from(base64.replace(/\s+/g, ""), "base64")
}

function privateKeyPem(text: string): string {
  const key = text.includes("-----BEGIN")
    ? createPrivateKey(text)
    : (() => {
        try {
          return createPrivateKey({ key: der(text), format: "der", type: "pkcs8" })
        } catch {
          return createPrivateKey({ key: der(text), format: "der", type: "pkcs1" })
        }
      })()
  if (key.asymmetricKeyType !== "rsa")
    throw new Error("ALIPAY_PRIVATE_KEY must be an RSA key (RSA2)")
  return key.export({ format: "pem", type: "pkcs8" }).toString()
}

function publicKeyPem(text: string): string {
  const key = text.includes("-----BEGIN")
    ? createPublicKey(text)
    : createPublicKey({ key: der(text), format: "der", type: "spki" })
  return key.export({ format: "pem", type: "spki" }).toString()
}

/** Every certificate in a PEM bundle (Alipay's root file holds several). */
export function certificatesIn(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
}

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem)
  } catch {
    // Alipay's root bundle also carries an SM2 root that this runtime may not parse.
    return null
  }
}

/**
 * alipay-sdk reads the certificates' serial numbers and Alipay's public key, but does not
 * check that Alipay's certificate was issued under the root: done here, at boot, so a
 * certificate from elsewhere never becomes the key notifications are verified with.
 */
export function assertIssuedUnderRoot(certificatePem: string, rootPem: string, what: string) {
  const chain = certificatesIn(certificatePem).map(parse)
  const roots = certificatesIn(rootPem)
    .map(parse)
    .filter((c): c is X509Certificate => !!c)
  const leaf = chain[0]
  if (!leaf) throw new Error(`${what} holds no certificate`)
  const now = Date.now()
  const pool = [...chain.filter((c): c is X509Certificate => !!c)]
  let current: X509Certificate = leaf
  for (let depth = 0; depth < 5; depth++) {
    if (now < Date.parse(current.validFrom) || now > Date.parse(current.validTo)) {
      throw new Error(
        `${what}: certificate ${current.subject.replace(/\n/g, ",")} is not valid now`
      )
    }
    const root = roots.find((r) => current.checkIssued(r) && current.verify(r.publicKey))
    if (root) return
    const next = pool.find(
      (c) => c !== current && current.checkIssued(c) && current.verify(c.publicKey)
    )
    if (!next) break
    current = next
  }
  throw new Error(`${what} was not issued under ALIPAY_ROOT_CERT`)
}

/**
 * Without ALIPAY_NOTIFY_URL, Alipay calls back at commerce's public origin
 * (COMMERCE_PUBLIC_URL, formerly MEDUSA_BACKEND_URL): never an internal host name.
 */
function defaultNotifyUrl(env: NodeJS.ProcessEnv): string | undefined {
  const origin = (env.COMMERCE_PUBLIC_URL?.trim() || env.MEDUSA_BACKEND_URL?.trim())?.replace(
    /\/+$/,
    ""
  )
  return origin ? `${origin}/hooks/payment/alipay_alipay` : undefined
}

/**
 * Provider options override the environment. Everything is checked at boot, so a
 * misconfigured merchant fails loudly at start, not at a customer's checkout.
 */
export function resolveAlipayConfig(
  options: AlipayOptions = {},
  env: NodeJS.ProcessEnv = process.env
): AlipayConfig {
  const value = (key: keyof typeof ALIPAY_ENV): string | undefined => {
    const given = options[key]
    if (given !== undefined && given !== null && String(given).trim()) return String(given).trim()
    const fromEnv = env[ALIPAY_ENV[key]]?.trim()
    if (fromEnv) return fromEnv
    return key === "notifyUrl" ? defaultNotifyUrl(env) : undefined
  }
  const certificates = (["appCert", "alipayPublicCert", "alipayRootCert"] as const).filter((key) =>
    value(key)
  )
  const mode = certificates.length > 0 ? "certificate" : "public_key"
  const missing: (keyof typeof ALIPAY_ENV)[] = (
    ["appId", "privateKey", "notifyUrl"] as const
  ).filter((key) => !value(key))
  if (mode === "certificate") {
    for (const key of ["appCert", "alipayPublicCert", "alipayRootCert"] as const) {
      if (!value(key)) missing.push(key)
    }
  } else if (!value("alipayPublicKey")) {
    missing.push("alipayPublicKey")
  }
  if (missing.length) {
    throw new Error(
      `支付宝配置缺失 (Alipay is not configured): set ${missing.map((key) => ALIPAY_ENV[key]).join(", ")}` +
        (missing.includes("alipayPublicKey")
          ? " (or ALIPAY_APP_CERT, ALIPAY_PUBLIC_CERT and ALIPAY_ROOT_CERT for certificate mode)"
          : "")
    )
  }
  if (mode === "certificate" && value("alipayPublicKey")) {
    throw new Error(
      "Set either ALIPAY_PUBLIC_KEY (public-key mode) or the three ALIPAY_*_CERT (certificate mode), not both"
    )
  }
  const notifyUrl = value("notifyUrl")!
  if (!/^https?:\/\//.test(notifyUrl))
    throw new Error("ALIPAY_NOTIFY_URL must be an absolute http(s) URL")
  const returnUrl = value("returnUrl") ?? null
  if (returnUrl && !/^https?:\/\//.test(returnUrl)) {
    throw new Error("ALIPAY_RETURN_URL must be an absolute http(s) URL")
  }
  const gateway = value("gateway") ?? ALIPAY_PRODUCTION_GATEWAY
  if (!/^https?:\/\//.test(gateway))
    throw new Error("ALIPAY_GATEWAY must be an absolute http(s) URL")
  const expireMinutes = Number(value("expireMinutes") ?? 30)
  if (!Number.isInteger(expireMinutes) || expireMinutes < 1 || expireMinutes > 15 * 24 * 60) {
    throw new Error("ALIPAY_EXPIRE_MINUTES must be a whole number of minutes (1 to 21600)")
  }
  const config: AlipayConfig = {
    appId: value("appId")!,
    privateKey: privateKeyPem(material(value("privateKey")!, ALIPAY_ENV.privateKey)),
    mode,
    gateway,
    notifyUrl,
    returnUrl,
    sellerId: value("sellerId") ?? null,
    expireMinutes,
  }
  if (mode === "public_key") {
    config.alipayPublicKey = publicKeyPem(
      material(value("alipayPublicKey")!, ALIPAY_ENV.alipayPublicKey)
    )
  } else {
    config.appCert = material(value("appCert")!, ALIPAY_ENV.appCert)
    config.alipayPublicCert = material(value("alipayPublicCert")!, ALIPAY_ENV.alipayPublicCert)
    config.alipayRootCert = material(value("alipayRootCert")!, ALIPAY_ENV.alipayRootCert)
    assertIssuedUnderRoot(
      config.alipayPublicCert,
      config.alipayRootCert,
      ALIPAY_ENV.alipayPublicCert
    )
  }
  return config
}
