import { randomBytes } from "crypto"
import { FieldCipher, fieldCipherFromEnv } from "../field-cipher"

const key = () => randomBytes(32)

describe("FieldCipher", () => {
  it("round-trips a value and never stores the plaintext", () => {
    const cipher = new FieldCipher({ k1: key() }, "k1")
    const sealed = cipher.sealJson({ primary: "qixu", note: "气虚质" })
    expect(sealed.key_id).toBe("k1")
    expect(Buffer.from(sealed.ciphertext, "base64").toString("utf8")).not.toContain("qixu")
    expect(cipher.openJson(sealed)).toEqual({ primary: "qixu", note: "气虚质" })
  })

  it("uses a fresh IV each time", () => {
    const cipher = new FieldCipher({ k1: key() }, "k1")
    expect(cipher.seal("same").ciphertext).not.toBe(cipher.seal("same").ciphertext)
  })

  it("rejects tampered ciphertext", () => {
    const cipher = new FieldCipher({ k1: key() }, "k1")
    const sealed = cipher.seal("report")
    const bytes = Buffer.from(sealed.ciphertext, "base64")
    bytes[bytes.length - 1] ^= 1
    expect(() => cipher.open({ ...sealed, ciphertext: bytes.toString("base64") })).toThrow()
  })

  it("opens values sealed with an older key after rotation", () => {
    const old = key()
    const before = new FieldCipher({ k1: old }, "k1").seal("旧数据")
    const rotated = new FieldCipher({ k1: old, k2: key() }, "k2")
    expect(rotated.open(before)).toBe("旧数据")
    expect(rotated.seal("新数据").key_id).toBe("k2")
  })

  it("reads keys from the environment and refuses production without them", () => {
    const k1 = key().toString("base64")
    const k2 = key().toString("base64")
    expect(fieldCipherFromEnv({ HEALTH_DATA_KEYS: `k1:${k1},k2:${k2}` }).seal("x").key_id).toBe(
      "k2"
    )
    expect(
      fieldCipherFromEnv({ HEALTH_DATA_KEYS: `k1:${k1},k2:${k2}`, HEALTH_DATA_KEY_ID: "k1" }).seal(
        "x"
      ).key_id
    ).toBe("k1")
    expect(() => fieldCipherFromEnv({ NODE_ENV: "production" })).toThrow("HEALTH_DATA_KEYS")
    expect(() => fieldCipherFromEnv({ HEALTH_DATA_KEYS: "k1:c2hvcnQ=" })).toThrow("32 bytes")
  })
})

describe("FieldCipher files", () => {
  it("seals bytes with the key id and refuses a tampered file", () => {
    const cipher = new FieldCipher({ k1: key() }, "k1")
    const pdf = Buffer.from("%PDF-1.7 BRCA1 not detected")
    const sealed = cipher.sealBytes(pdf)
    expect(sealed.key_id).toBe("k1")
    expect(sealed.bytes.includes(Buffer.from("BRCA1"))).toBe(false)
    expect(cipher.openBytes("k1", sealed.bytes).equals(pdf)).toBe(true)
    sealed.bytes[20] ^= 1
    expect(() => cipher.openBytes("k1", sealed.bytes)).toThrow()
  })
})
