import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"

/** WeChat pads to 32-byte blocks (PKCS#7 with k = 32), not AES's 16. */
const BLOCK = 32

export class MessageCryptoError extends Error {}

/** The AES-256 key of an EncodingAESKey (43 base64 characters, "=" appended). */
export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, "base64")
  if (encodingAesKey.length !== 43 || key.length !== 32) {
    throw new MessageCryptoError("EncodingAESKey must be 43 characters")
  }
  return key
}

function pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK)
  return Buffer.concat([data, Buffer.alloc(n, n)])
}

function unpad(data: Buffer): Buffer {
  const n = data[data.length - 1]
  if (!n || n > BLOCK || n > data.length) throw new MessageCryptoError("bad padding")
  for (let i = data.length - n; i < data.length; i++) {
    if (data[i] !== n) throw new MessageCryptoError("bad padding")
  }
  return data.subarray(0, data.length - n)
}

/**
 * Safe mode's ciphertext (WXBizMsgCrypt): AES-256-CBC, key from the EncodingAESKey, IV its
 * first 16 bytes, of 16 random bytes + the message's length (4 bytes, big-endian) + the
 * message + the appid, padded to 32-byte blocks; base64.
 */
export function encryptMessage(xml: string, encodingAesKey: string, appid: string): string {
  const key = aesKeyOf(encodingAesKey)
  const body = Buffer.from(xml, "utf8")
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length, 0)
  const plain = pad(Buffer.concat([randomBytes(16), length, body, Buffer.from(appid, "utf8")]))
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64")
}

/**
 * The message inside a safe-mode Encrypt field; throws MessageCryptoError when it does not
 * decrypt, its length is impossible, or it was sealed for another appid.
 */
export function decryptMessage(encrypted: string, encodingAesKey: string, appid: string): string {
  const key = aesKeyOf(encodingAesKey)
  const data = Buffer.from(encrypted, "base64")
  if (data.length === 0 || data.length % 16 !== 0) {
    throw new MessageCryptoError("ciphertext is not whole blocks")
  }
  let plain: Buffer
  try {
    const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16))
    decipher.setAutoPadding(false)
    plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]))
  } catch (error) {
    if (error instanceof MessageCryptoError) throw error
    throw new MessageCryptoError("does not decrypt")
  }
  if (plain.length < 20) throw new MessageCryptoError("too short")
  const length = plain.readUInt32BE(16)
  if (20 + length > plain.length) throw new MessageCryptoError("bad length")
  const from = plain.subarray(20 + length).toString("utf8")
  if (from !== appid) throw new MessageCryptoError(`sealed for another appid ${from}`)
  return plain.subarray(20, 20 + length).toString("utf8")
}
