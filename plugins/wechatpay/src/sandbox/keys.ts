import { generateKeyPairSync, randomBytes } from "crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs"
import path from "path"

export type SandboxKeys = {
  appid: string
  /** A second AppID bound to the merchant: the official account, for JSAPI in WeChat's browser. */
  officialAccountAppid: string
  mchid: string
  merchantSerialNo: string
  merchantPrivateKey: string
  merchantPublicKey: string
  wechatpayPublicKeyId: string
  wechatpayPrivateKey: string
  wechatpayPublicKey: string
  apiV3Key: string
}

const OFFICIAL_ACCOUNT_APPID = "wx7777777777777777"

function pair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  })
}

/**
 * The sandbox merchant's and "WeChat Pay"'s keys, generated on first start into the data
 * directory (never committed) and reused afterwards, plus the env file the provider loads.
 */
export function loadOrCreateSandboxKeys(dataDir: string): SandboxKeys {
  const file = path.join(dataDir, "keys.json")
  if (existsSync(file)) {
    // Keys made before the official account existed get its AppID added, nothing else changes.
    return {
      officialAccountAppid: OFFICIAL_ACCOUNT_APPID,
      ...JSON.parse(readFileSync(file, "utf8")),
    }
  }
  mkdirSync(dataDir, { recursive: true })
  const merchant = pair()
  const wechat = pair()
  const keys: SandboxKeys = {
    appid: "wx8888888888888888",
    officialAccountAppid: OFFICIAL_ACCOUNT_APPID,
    mchid: "1900000109",
    merchantSerialNo: randomBytes(20).toString("hex").toUpperCase(),
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    wechatpayPublicKeyId: `PUB_KEY_ID_0119${randomBytes(14).toString("hex").slice(0, 28).toUpperCase()}`,
    wechatpayPrivateKey: wechat.privateKey,
    wechatpayPublicKey: wechat.publicKey,
    apiV3Key: randomBytes(24).toString("base64").slice(0, 32),
  }
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 })
  writeFileSync(path.join(dataDir, "merchant_private_key.pem"), keys.merchantPrivateKey, {
    mode: 0o600,
  })
  writeFileSync(path.join(dataDir, "wechatpay_public_key.pem"), keys.wechatpayPublicKey)
  return keys
}

/** The WECHATPAY_* settings that point the provider at this sandbox. */
export function providerEnv(
  keys: SandboxKeys,
  dataDir: string,
  apiBase: string,
  notifyUrl: string
): Record<string, string> {
  return {
    WECHATPAY_APPID: keys.appid,
    WECHATPAY_OA_APPID: keys.officialAccountAppid,
    WECHATPAY_MCHID: keys.mchid,
    WECHATPAY_SERIAL_NO: keys.merchantSerialNo,
    WECHATPAY_PRIVATE_KEY: path.join(dataDir, "merchant_private_key.pem"),
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    WECHATPAY_PUBLIC_KEY_ID: keys.wechatpayPublicKeyId,
    WECHATPAY_PUBLIC_KEY: path.join(dataDir, "wechatpay_public_key.pem"),
    WECHATPAY_API_BASE: apiBase,
    WECHATPAY_NOTIFY_URL: notifyUrl,
  }
}
