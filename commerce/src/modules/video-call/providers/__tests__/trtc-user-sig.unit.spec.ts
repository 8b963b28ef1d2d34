import { inflateSync } from "zlib"
import { miniProgramVideoProviderFromEnv, trtcProvider } from "../mini-program-video-provider"
import { genUserSig, verifyUserSig } from "../trtc-user-sig"

// The SDKAppID and key of Tencent's own TLSSigAPIv2 examples (tencentyun/tls-sig-api-v2-*).
const SDK_APP_ID = 1400000000
const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
const at = new Date(1_700_000_000_000)

describe("TRTC UserSig", () => {
  // Deflate output may differ between zlib builds (Node's is not the system's), so the vector
  // is the signed document inside, and a sig made by another zlib must read back the same.
  const PYTHON_SIG =
    "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamAkXNUUVTKwoyi0DipqamRnDR4sx0oMk*ZY7mKfqe5ebpwcV5xdllYVVOLgH*zs4uSaV*zuUm7h7lIc4GSZkF2k4mtkq1AKIXMfI_"
  const VECTOR = {
    "TLS.ver": "2.0",
    "TLS.identifier": "xiaojun",
    "TLS.sdkappid": SDK_APP_ID,
    "TLS.time": 1_700_000_000,
    "TLS.expire": 86400 * 180,
    "TLS.sig": "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=",
  }

  it("signs the documented fields as a vector computed apart from this code (Python hmac + zlib, per TLSSigAPIv2.js)", () => {
    const sig = genUserSig({
      sdkAppId: SDK_APP_ID,
      secretKey: KEY,
      userId: "xiaojun",
      expireSeconds: 86400 * 180,
      now: at,
    })
    expect(sig).toMatch(/^[A-Za-z0-9*_-]+$/)
    const inflate = (value: string) =>
      JSON.parse(
        inflateSync(
          Buffer.from(value.replace(/_/g, "=").replace(/-/g, "/").replace(/\*/g, "+"), "base64")
        ).toString()
      )
    // Same fields, same order as Tencent's library writes them.
    expect(Object.keys(inflate(sig))).toEqual(Object.keys(VECTOR))
    expect(inflate(sig)).toEqual(VECTOR)
    expect(verifyUserSig(PYTHON_SIG, KEY, at)).toEqual({ ok: true, doc: VECTOR })
  })

  it("verifies its own sig, and refuses another key's, an altered user and an expired one", () => {
    const sig = genUserSig({
      sdkAppId: SDK_APP_ID,
      secretKey: KEY,
      userId: "m_cus_1",
      expireSeconds: 60,
      now: at,
    })
    expect(verifyUserSig(sig, KEY, at)).toMatchObject({
      ok: true,
      doc: { "TLS.identifier": "m_cus_1" },
    })
    expect(verifyUserSig(sig, "another-key", at)).toEqual({ ok: false, reason: "UserSig 签名不符" })
    expect(verifyUserSig(sig, KEY, new Date(at.getTime() + 60_000))).toEqual({
      ok: false,
      reason: "UserSig 已过期",
    })
    expect(verifyUserSig("not-a-sig", KEY, at).ok).toBe(false)
  })

  it("gives the mini-program a room per consultation with a short-lived sig, only when configured", () => {
    const room = trtcProvider(SDK_APP_ID, KEY).roomFor({
      room: "cons_01M97957H4SQ7GAG298QTDSCMM",
      role: "doctor",
      userId: "doc_01M97957H4SQ7GAG298QTDSCMM",
      now: at,
    })
    expect(room).toMatchObject({
      provider: "trtc",
      sdk_app_id: SDK_APP_ID,
      user_id: "d_doc_01M97957H4SQ7GAG298QTDSCMM",
      str_room_id: "cons_01M97957H4SQ7GAG298QTDSCMM",
    })
    expect(room.user_id.length).toBeLessThanOrEqual(32)
    expect(verifyUserSig(room.user_sig, KEY, at).ok).toBe(true)
    expect(miniProgramVideoProviderFromEnv({})).toBeNull()
    expect(
      miniProgramVideoProviderFromEnv({ TRTC_SDK_APP_ID: "1400000000", TRTC_SECRET_KEY: KEY })?.id
    ).toBe("trtc")
  })
})
