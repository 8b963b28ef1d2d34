import { createCipheriv, createDecipheriv, createHash, randomBytes } from "crypto"

/** An encrypted value and the id of the key that sealed it, so keys can rotate. */
export type Sealed = { key_id: string; ciphertext: string }

const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * AES-256-GCM for health data at rest. New values are sealed with the active key;
 * values sealed with an older key still open as long as that key is configured.
 */
export class FieldCipher {
  constructor(
    private readonly keys: Record<string, Buffer>,
    private readonly activeKeyId: string
  ) {
    for (const [id, key] of Object.entries(keys)) {
      if (key.length !== 32)
        throw new Error(`Health data key "${id}" must be 32 bytes (base64 of 32 random bytes)`)
    }
    if (!keys[activeKeyId])
      throw new Error(`Active health data key "${activeKeyId}" is not configured`)
  }

  seal(plaintext: string): Sealed {
    const { key_id, bytes } = this.sealBytes(Buffer.from(plaintext, "utf8"))
    return { key_id, ciphertext: bytes.toString("base64") }
  }

  open({ key_id, ciphertext }: Sealed): string {
    return this.openBytes(key_id, Buffer.from(ciphertext, "base64")).toString("utf8")
  }

  /** Files (reports, uploads): iv ‖ tag ‖ ciphertext as raw bytes, no base64 overhead. */
  sealBytes(plaintext: Buffer): { key_id: string; bytes: Buffer } {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv("aes-256-gcm", this.keys[this.activeKeyId], iv)
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()])
    return { key_id: this.activeKeyId, bytes: Buffer.concat([iv, cipher.getAuthTag(), data]) }
  }

  openBytes(key_id: string, sealed: Buffer): Buffer {
    const key = this.keys[key_id]
    if (!key) throw new Error(`Health data key "${key_id}" is not configured; cannot decrypt`)
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES))
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
  }

  sealJson(value: unknown): Sealed {
    return this.seal(JSON.stringify(value))
  }

  openJson<T>(sealed: Sealed): T {
    return JSON.parse(this.open(sealed)) as T
  }
}

/**
 * Keys from HEALTH_DATA_KEYS ("id:base64key,id2:base64key2") and HEALTH_DATA_KEY_ID (the
 * active one; defaults to the last listed). Outside production a fixed development key is
 * used when none is set; production refuses to start without real keys.
 */
export function fieldCipherFromEnv(env: NodeJS.ProcessEnv = process.env): FieldCipher {
  const spec = env.HEALTH_DATA_KEYS
  if (!spec) {
    if (env.NODE_ENV === "production" && env.HEALTH_DATA_ALLOW_DEV_KEY !== "true") {
      throw new Error("HEALTH_DATA_KEYS must be set in production (id:base64 of 32 random bytes)")
    }
    return new FieldCipher(
      { dev: createHash("sha256").update("health-platform-development-key").digest() },
      "dev"
    )
  }
  const keys: Record<string, Buffer> = {}
  let last = ""
  for (const entry of spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(":")
    if (separator < 1)
      throw new Error(`HEALTH_DATA_KEYS entry "${entry.slice(0, 8)}…" must look like id:base64key`)
    last = entry.slice(0, separator)
    keys[last] = Buffer.from(entry.slice(separator + 1), "base64")
  }
  return new FieldCipher(keys, env.HEALTH_DATA_KEY_ID || last)
}
