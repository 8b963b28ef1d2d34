import { createPrivateKey, createPublicKey, type KeyObject } from "crypto"
import { readFileSync } from "fs"

export type WechatpayOptions = {
  appid?: string
  /** The official account's AppID, bound to the same merchant: JSAPI inside WeChat's browser. */
  officialAccountAppid?: string
  mchid?: string
  serialNo?: string
  privateKey?: string
  apiV3Key?: string
  publicKeyId?: string
  publicKey?: string
  /** Platform certificates (legacy mode), serial → PEM or path. */
  platformCertificates?: Record<string, string>
  apiBase?: string
  notifyUrl?: string
  /** Minutes until an unpaid order closes (time_expire). */
  expireMinutes?: number
}

export type WechatpayConfig = {
  /** The mini-program's (or the only) AppID. */
  appid: string
  officialAccountAppid: string | null
  mchid: string
  serialNo: string
  privateKey: KeyObject
  apiV3Key: string
  /** Keys that may sign responses and callbacks, by serial (public key id or certificate serial). */
  verificationKeys: Record<string, KeyObject>
  apiBase: string
  notifyUrl: string
  expireMinutes: number
}

const ENV: Record<keyof Omit<WechatpayOptions, "platformCertificates" | "expireMinutes">, string> =
  {
    appid: "WECHATPAY_APPID",
    officialAccountAppid: "WECHATPAY_OA_APPID",
    mchid: "WECHATPAY_MCHID",
    serialNo: "WECHATPAY_SERIAL_NO",
    privateKey: "WECHATPAY_PRIVATE_KEY",
    apiV3Key: "WECHATPAY_APIV3_KEY",
    publicKeyId: "WECHATPAY_PUBLIC_KEY_ID",
    publicKey: "WECHATPAY_PUBLIC_KEY",
    apiBase: "WECHATPAY_API_BASE",
    notifyUrl: "WECHATPAY_NOTIFY_URL",
  }

/** PEM text as given, or the contents of the file it names. */
function pem(value: string, variable: string): string {
  if (value.includes("-----BEGIN")) return value.replace(/\\n/g, "\n")
  try {
    return readFileSync(value, "utf8")
  } catch {
    throw new Error(`${variable} must be PEM text or the path of a PEM file (cannot read ${value})`)
  }
}

/**
 * Without WECHATPAY_NOTIFY_URL, WeChat calls back at commerce's public origin
 * (COMMERCE_PUBLIC_URL, formerly MEDUSA_BACKEND_URL): never an internal host name.
 */
function defaultNotifyUrl(env: NodeJS.ProcessEnv): string | undefined {
  const origin = (env.COMMERCE_PUBLIC_URL?.trim() || env.MEDUSA_BACKEND_URL?.trim())?.replace(
    /\/+$/,
    ""
  )
  return origin ? `${origin}/hooks/payment/wechatpay_wechatpay` : undefined
}

/**
 * Provider options override the environment. Everything is checked at boot, so a
 * misconfigured merchant fails loudly at start, not at a customer's checkout.
 */
export function resolveWechatpayConfig(
  options: WechatpayOptions = {},
  env: NodeJS.ProcessEnv = process.env
): WechatpayConfig {
  const value = (key: keyof typeof ENV) =>
    (options[key] as string | undefined) ??
    (key === "notifyUrl" ? env[ENV[key]]?.trim() || defaultNotifyUrl(env) : env[ENV[key]])
  const missing: (keyof typeof ENV)[] = (
    ["appid", "mchid", "serialNo", "privateKey", "apiV3Key", "notifyUrl"] as const
  ).filter((key) => !value(key))
  if (!value("publicKey") && !options.platformCertificates) missing.push("publicKey")
  if (missing.length) {
    throw new Error(
      `微信支付配置缺失 (WeChat Pay is not configured): set ${missing.map((key) => ENV[key]).join(", ")}`
    )
  }
  const apiV3Key = value("apiV3Key")!
  if (Buffer.byteLength(apiV3Key, "utf8") !== 32)
    throw new Error("WECHATPAY_APIV3_KEY must be exactly 32 bytes")
  const verificationKeys: Record<string, KeyObject> = {}
  if (value("publicKey")) {
    const id = value("publicKeyId")
    if (!id || !id.startsWith("PUB_KEY_ID_")) {
      throw new Error(
        "WECHATPAY_PUBLIC_KEY_ID must be set to the WeChat Pay public key id (PUB_KEY_ID_…)"
      )
    }
    verificationKeys[id] = createPublicKey(pem(value("publicKey")!, ENV.publicKey))
  }
  for (const [serial, certificate] of Object.entries(options.platformCertificates ?? {})) {
    verificationKeys[serial] = createPublicKey(pem(certificate, `platform certificate ${serial}`))
  }
  const notifyUrl = value("notifyUrl")!
  if (!/^https?:\/\//.test(notifyUrl))
    throw new Error("WECHATPAY_NOTIFY_URL must be an absolute http(s) URL")
  return {
    appid: value("appid")!,
    officialAccountAppid: value("officialAccountAppid") || null,
    mchid: value("mchid")!,
    serialNo: value("serialNo")!,
    privateKey: createPrivateKey(pem(value("privateKey")!, ENV.privateKey)),
    apiV3Key,
    verificationKeys,
    apiBase: (value("apiBase") || "https://api.mch.weixin.qq.com").replace(/\/$/, ""),
    notifyUrl,
    expireMinutes: options.expireMinutes ?? Number(env.WECHATPAY_EXPIRE_MINUTES || 30),
  }
}
