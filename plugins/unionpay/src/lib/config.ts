import { X509Certificate } from "crypto"
import { loadSigningCredentials, textOrFile, type SigningCredentials } from "./certificates"

export type UnionpayOptions = {
  merId?: string
  signCert?: string
  signCertPassword?: string
  rootCert?: string
  middleCert?: string
  gateway?: string
  notifyUrl?: string
  frontUrl?: string
  /** UnionPay's 测试环境: also accept the test signing certificates (CN part 00040000:SIGN). */
  testEnvironment?: boolean
  /** Minutes the shopper has to pay (payTimeout). */
  expireMinutes?: number
}

export type UnionpayConfig = {
  merId: string
  signing: SigningCredentials
  root: X509Certificate
  middle: X509Certificate
  testEnvironment: boolean
  gateway: string
  notifyUrl: string
  frontUrl: string
  expireMinutes: number
}

/** Every variable the plugin reads; commerce refuses half of them without UNIONPAY_MER_ID. */
export const UNIONPAY_ENV = {
  merId: "UNIONPAY_MER_ID",
  signCert: "UNIONPAY_SIGN_CERT",
  signCertPassword: "UNIONPAY_SIGN_CERT_PASSWORD",
  rootCert: "UNIONPAY_ROOT_CERT",
  middleCert: "UNIONPAY_MIDDLE_CERT",
  gateway: "UNIONPAY_GATEWAY",
  notifyUrl: "UNIONPAY_NOTIFY_URL",
  frontUrl: "UNIONPAY_FRONT_URL",
} as const

export const UNIONPAY_PRODUCTION_GATEWAY = "https://gateway.95516.com"

/**
 * Without UNIONPAY_NOTIFY_URL, UnionPay notifies commerce's public origin
 * (COMMERCE_PUBLIC_URL, formerly MEDUSA_BACKEND_URL): never an internal host name.
 */
function defaultNotifyUrl(env: NodeJS.ProcessEnv): string | undefined {
  const origin = (env.COMMERCE_PUBLIC_URL?.trim() || env.MEDUSA_BACKEND_URL?.trim())?.replace(
    /\/+$/,
    ""
  )
  return origin ? `${origin}/hooks/payment/unionpay_unionpay` : undefined
}

function certificate(value: string, variable: string): X509Certificate {
  try {
    return new X509Certificate(textOrFile(value, variable))
  } catch (error) {
    throw new Error(`${variable} is not a PEM certificate: ${(error as Error).message}`)
  }
}

/**
 * Provider options override the environment. Everything is checked at boot, so a
 * misconfigured merchant fails loudly at start, not at a shopper's checkout.
 */
export function resolveUnionpayConfig(
  options: UnionpayOptions = {},
  env: NodeJS.ProcessEnv = process.env
): UnionpayConfig {
  const value = (key: keyof typeof UNIONPAY_ENV): string | undefined => {
    const given = options[key] as string | undefined
    if (given !== undefined && given !== "") return given
    const fromEnv = env[UNIONPAY_ENV[key]]?.trim()
    return fromEnv || (key === "notifyUrl" ? defaultNotifyUrl(env) : undefined)
  }
  const missing = (
    ["merId", "signCert", "rootCert", "middleCert", "notifyUrl", "frontUrl"] as const
  ).filter((key) => !value(key))
  if (missing.length) {
    throw new Error(
      `银联支付配置缺失 (UnionPay is not configured): set ${missing.map((key) => UNIONPAY_ENV[key]).join(", ")}`
    )
  }
  const merId = value("merId")!
  if (!/^\d{15}$/.test(merId)) throw new Error("UNIONPAY_MER_ID must be the 15-digit 商户号")
  for (const key of ["notifyUrl", "frontUrl"] as const) {
    if (!/^https?:\/\//.test(value(key)!))
      throw new Error(`${UNIONPAY_ENV[key]} must be an absolute http(s) URL`)
  }
  const gateway = (value("gateway") || UNIONPAY_PRODUCTION_GATEWAY).replace(/\/+$/, "")
  if (!/^https?:\/\//.test(gateway))
    throw new Error("UNIONPAY_GATEWAY must be an absolute http(s) URL")
  return {
    merId,
    signing: loadSigningCredentials(value("signCert")!, value("signCertPassword") ?? ""),
    root: certificate(value("rootCert")!, UNIONPAY_ENV.rootCert),
    middle: certificate(value("middleCert")!, UNIONPAY_ENV.middleCert),
    testEnvironment:
      options.testEnvironment ?? env.UNIONPAY_VALIDATE_CN_NAME?.trim().toLowerCase() === "false",
    gateway,
    notifyUrl: value("notifyUrl")!,
    frontUrl: value("frontUrl")!,
    expireMinutes: options.expireMinutes ?? 30,
  }
}
