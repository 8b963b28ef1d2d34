import { createCipheriv, createDecipheriv, randomBytes } from "crypto"

/** The encrypted `resource` of a WeChat Pay callback. */
export type EncryptedResource = {
  algorithm: "AEAD_AES_256_GCM"
  ciphertext: string
  associated_data?: string
  nonce: string
  original_type?: string
}

const TAG_BYTES = 16

function apiV3Key(key: string): Buffer {
  const buffer = Buffer.from(key, "utf8")
  if (buffer.length !== 32) throw new Error("WECHATPAY_APIV3_KEY must be exactly 32 bytes")
  return buffer
}

/** AEAD_AES_256_GCM with the APIv3 key: ciphertext is base64 of the encrypted bytes followed by the 16-byte tag. */
export function decryptResource(resource: EncryptedResource, key: string): string {
  if (resource.algorithm !== "AEAD_AES_256_GCM")
    throw new Error(`unsupported algorithm ${resource.algorithm}`)
  const raw = Buffer.from(resource.ciphertext, "base64")
  const decipher = createDecipheriv(
    "aes-256-gcm",
    apiV3Key(key),
    Buffer.from(resource.nonce, "utf8")
  )
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES))
  decipher.setAAD(Buffer.from(resource.associated_data ?? "", "utf8"))
  return Buffer.concat([
    decipher.update(raw.subarray(0, raw.length - TAG_BYTES)),
    decipher.final(),
  ]).toString("utf8")
}

/** The sandbox's side: encrypts a resource exactly as WeChat does (12-character nonce). */
export function encryptResource(
  plaintext: string,
  key: string,
  associatedData: string,
  originalType: string
): EncryptedResource {
  const nonceStr = randomBytes(9).toString("base64").replace(/[+/=]/g, "x").slice(0, 12)
  const cipher = createCipheriv("aes-256-gcm", apiV3Key(key), Buffer.from(nonceStr, "utf8"))
  cipher.setAAD(Buffer.from(associatedData, "utf8"))
  const data = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ])
  return {
    algorithm: "AEAD_AES_256_GCM",
    ciphertext: data.toString("base64"),
    associated_data: associatedData,
    nonce: nonceStr,
    original_type: originalType,
  }
}
