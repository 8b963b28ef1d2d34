import { createHmac } from "crypto"
import { signCmsHook, verifyCmsHook } from "../cms-hook-signature"

describe("CMS hook signature", () => {
  const body = '{"event":"entry.publish","model":"article","document_id":"d1","entry":null}'
  const now = 1_800_000_000_000
  const at = String(now / 1000)
  const check = (timestamp: string | undefined, signature: string | undefined, raw = body) =>
    verifyCmsHook({ secret: "s3cret", timestamp, signature, body: raw, now })

  it("is hex HMAC-SHA256 of timestamp.body", () => {
    expect(signCmsHook("s3cret", at, body)).toBe(
      createHmac("sha256", "s3cret").update(`${at}.${body}`).digest("hex")
    )
  })

  it("accepts our signature within five minutes and nothing else", () => {
    expect(check(at, signCmsHook("s3cret", at, body))).toEqual({ ok: true })
    const old = String(now / 1000 - 301)
    expect(check(old, signCmsHook("s3cret", old, body)).ok).toBe(false)
    const ahead = String(now / 1000 + 301)
    expect(check(ahead, signCmsHook("s3cret", ahead, body)).ok).toBe(false)
    expect(check(at, signCmsHook("other", at, body)).ok).toBe(false)
    expect(check(at, signCmsHook("s3cret", at, body), body + " ").ok).toBe(false)
    expect(check(at, "zz-not-hex").ok).toBe(false)
    expect(check(undefined, undefined)).toEqual({
      ok: false,
      reason: "缺少 x-cms-timestamp 或 x-cms-signature 请求头",
    })
  })
})
