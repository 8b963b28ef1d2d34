import { createCipheriv, createHash } from "node:crypto"
import { signBindToken, verifyBindToken } from "../bind-token"
import { decryptMessage, encryptMessage, MessageCryptoError } from "../message-crypto"
import { signatureMatches, timestampFresh, wechatSignature } from "../message-signature"

const AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
const APPID = "wx7777777777777777"
const XML =
  "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>" +
  "<CreateTime>1796650000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[报告]]></Content></xml>"

/** WeChat's sealing written out independently: 16 fixed bytes, length, message, appid, 32-byte PKCS#7. */
function sealLikeWechat(xml: string, appid: string, padOverride?: (padded: Buffer) => Buffer) {
  const key = Buffer.from(`${AES_KEY}=`, "base64")
  const body = Buffer.from(xml)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  let plain: Buffer = Buffer.concat([Buffer.alloc(16, 7), length, body, Buffer.from(appid)])
  const n = 32 - (plain.length % 32)
  plain = Buffer.concat([plain, Buffer.alloc(n, n)])
  if (padOverride) plain = padOverride(plain)
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64")
}

describe("official account message signature", () => {
  it("is sha1 of token, timestamp and nonce sorted as strings", () => {
    const expected = createHash("sha1")
      .update(["1796650000", "nonce42", "wx-dev-oa-token"].join(""))
      .digest("hex")
    expect(wechatSignature("wx-dev-oa-token", "1796650000", "nonce42")).toBe(expected)
    expect(signatureMatches(expected, "wx-dev-oa-token", "1796650000", "nonce42")).toBe(true)
    expect(
      signatureMatches(expected.toUpperCase(), "wx-dev-oa-token", "1796650000", "nonce42")
    ).toBe(true)
  })

  it("refuses another token, a changed part, a missing or malformed signature", () => {
    const good = wechatSignature("wx-dev-oa-token", "1796650000", "nonce42")
    expect(signatureMatches(good, "other-token", "1796650000", "nonce42")).toBe(false)
    expect(signatureMatches(good, "wx-dev-oa-token", "1796650001", "nonce42")).toBe(false)
    expect(signatureMatches(undefined, "wx-dev-oa-token", "1796650000", "nonce42")).toBe(false)
    expect(signatureMatches("not-hex", "wx-dev-oa-token", "1796650000", "nonce42")).toBe(false)
  })

  it("msg_signature also covers the Encrypt field", () => {
    const plain = wechatSignature("t", "1", "n")
    const withEncrypt = wechatSignature("t", "1", "n", "CIPHER")
    expect(withEncrypt).not.toBe(plain)
    expect(signatureMatches(withEncrypt, "t", "1", "n", "CIPHER")).toBe(true)
    expect(signatureMatches(withEncrypt, "t", "1", "n", "CIPHEr")).toBe(false)
  })

  it("takes timestamps within five minutes only", () => {
    const now = 1_796_650_000_000
    expect(timestampFresh("1796650000", now)).toBe(true)
    expect(timestampFresh("1796649701", now)).toBe(true)
    expect(timestampFresh("1796649600", now)).toBe(false)
    expect(timestampFresh("1796650400", now)).toBe(false)
    expect(timestampFresh("abc", now)).toBe(false)
    expect(timestampFresh(undefined, now)).toBe(false)
  })
})

describe("official account safe mode (AES)", () => {
  it("opens what WeChat sealed", () => {
    expect(decryptMessage(sealLikeWechat(XML, APPID), AES_KEY, APPID)).toBe(XML)
  })

  it("round-trips its own replies, with fresh random bytes each time", () => {
    const a = encryptMessage(XML, AES_KEY, APPID)
    const b = encryptMessage(XML, AES_KEY, APPID)
    expect(a).not.toBe(b)
    expect(decryptMessage(a, AES_KEY, APPID)).toBe(XML)
    expect(decryptMessage(b, AES_KEY, APPID)).toBe(XML)
    // Padded to 32-byte blocks (WeChat's k), not AES's 16.
    expect(Buffer.from(a, "base64").length % 32).toBe(0)
  })

  it("refuses a message sealed for another appid", () => {
    expect(() => decryptMessage(sealLikeWechat(XML, "wx-other-app"), AES_KEY, APPID)).toThrow(
      /another appid/
    )
    expect(() =>
      decryptMessage(encryptMessage(XML, AES_KEY, "wx-other-app"), AES_KEY, APPID)
    ).toThrow(MessageCryptoError)
  })

  it("refuses tampered ciphertext, bad padding, a wrong key and non-block input", () => {
    const sealed = Buffer.from(sealLikeWechat(XML, APPID), "base64")
    // A flipped byte in the last block garbles the padding (or the appid) it decrypts to.
    const tampered = Buffer.from(sealed)
    tampered[tampered.length - 20] ^= 0xff
    expect(() => decryptMessage(tampered.toString("base64"), AES_KEY, APPID)).toThrow(
      MessageCryptoError
    )
    const badPad = sealLikeWechat(XML, APPID, (p) => {
      const copy = Buffer.from(p)
      copy[copy.length - 1] = 33
      return copy
    })
    expect(() => decryptMessage(badPad, AES_KEY, APPID)).toThrow(/padding/)
    const otherKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut"
    expect(() => decryptMessage(sealed.toString("base64"), otherKey, APPID)).toThrow(
      MessageCryptoError
    )
    expect(() => decryptMessage("AAAA", AES_KEY, APPID)).toThrow(/whole blocks/)
    expect(() => decryptMessage(sealed.toString("base64"), "short", APPID)).toThrow(/43/)
  })
})

describe("bind link token", () => {
  it("gives back the openid until it expires, and nothing for a forged or other-secret token", () => {
    const now = 1_796_650_000_000
    const token = signBindToken("oFollower1", "secret-a", now)
    expect(verifyBindToken(token, "secret-a", now + 60_000)).toBe("oFollower1")
    expect(verifyBindToken(token, "secret-a", now + 31 * 60_000)).toBeNull()
    expect(verifyBindToken(token, "secret-b", now)).toBeNull()
    const [payload, signature] = token.split(".")
    const forged = Buffer.from(JSON.stringify({ o: "oSomeoneElse", e: 9_999_999_999 })).toString(
      "base64url"
    )
    expect(verifyBindToken(`${forged}.${signature}`, "secret-a", now)).toBeNull()
    expect(verifyBindToken(`${payload}.${signature}.x`, "secret-a", now)).toBeNull()
    expect(verifyBindToken("garbage", "secret-a", now)).toBeNull()
  })
})
