import { iceServersFor, turnCredentials } from "../ice-servers"
import { signRoomToken, verifyRoomToken } from "../room-token"
import { signSessionReport, verifySessionReport } from "../session-report"

const SECRET = "video-room-secret"
const at = new Date("2026-12-07T06:00:00Z")
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000)

describe("room tokens", () => {
  const claims = { room: "cons_1", role: "member" as const, sub: "cus_1" }

  it("verifies a token it signed, with its room, role and subject, until it expires", () => {
    const { token } = signRoomToken(SECRET, claims, at, 300)
    const check = verifyRoomToken(SECRET, token, later(299))
    expect(check).toEqual({
      ok: true,
      claims: expect.objectContaining({ ...claims, exp: at.getTime() / 1000 + 300 }),
    })
    expect(verifyRoomToken(SECRET, token, later(300))).toEqual({
      ok: false,
      reason: "通话凭证已过期，请重新进入视频问诊",
    })
  })

  it("refuses another secret's token, a changed payload and garbage", () => {
    const { token } = signRoomToken(SECRET, claims, at)
    expect(verifyRoomToken("other-secret", token, at).ok).toBe(false)
    const [payload, signature] = token.split(".")
    const doctor = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, "base64url").toString()),
        role: "doctor",
      })
    ).toString("base64url")
    expect(verifyRoomToken(SECRET, `${doctor}.${signature}`, at)).toEqual({
      ok: false,
      reason: "通话凭证无效",
    })
    for (const bad of ["", "abc", "a.b.c", `${payload}.`, null, undefined]) {
      expect(verifyRoomToken(SECRET, bad, at).ok).toBe(false)
    }
  })

  it("refuses a correctly signed token whose role is neither member nor doctor", () => {
    const { token } = signRoomToken(SECRET, { ...claims, role: "staff" as never }, at)
    expect(verifyRoomToken(SECRET, token, at)).toEqual({ ok: false, reason: "通话凭证格式不正确" })
  })
})

describe("TURN credentials (coturn REST scheme)", () => {
  it("names expiry:user and signs it with base64 HMAC-SHA1 (vector from openssl dgst -sha1 -hmac)", () => {
    const credentials = turnCredentials(
      "north-turn-secret",
      "member:cus_1",
      new Date(1_700_000_000_000),
      3600
    )
    expect(credentials).toEqual({
      username: "1700003600:member:cus_1",
      credential: "H35eV+1pjE2UEA5SKQqe9Sw7X2w=",
      expires_at: new Date(1_700_003_600_000).toISOString(),
    })
  })

  it("gives STUN as configured and TURN only with a secret", () => {
    const env = {
      STUN_URLS: "stun:stun.example.cn:3478",
      TURN_URLS: "turn:turn.example.cn:3478?transport=udp, turns:turn.example.cn:5349",
      TURN_SECRET: "s3cret",
      TURN_CREDENTIAL_TTL_SECONDS: "600",
    }
    const servers = iceServersFor("doctor:doc_1", env, at)
    expect(servers).toEqual([
      { urls: ["stun:stun.example.cn:3478"] },
      {
        urls: ["turn:turn.example.cn:3478?transport=udp", "turns:turn.example.cn:5349"],
        username: `${at.getTime() / 1000 + 600}:doctor:doc_1`,
        credential: turnCredentials("s3cret", "doctor:doc_1", at, 600).credential,
      },
    ])
    expect(iceServersFor("doctor:doc_1", { TURN_URLS: env.TURN_URLS }, at)).toEqual([])
    expect(iceServersFor("doctor:doc_1", {}, at)).toEqual([])
  })
})

describe("signalling reports", () => {
  const body = JSON.stringify({ consultation_id: "cons_1", event: "started", at: at.toISOString() })
  const now = at.getTime()
  const ts = String(now / 1000)

  it("accepts a fresh report signed with the shared secret", () => {
    expect(
      verifySessionReport({
        secret: SECRET,
        timestamp: ts,
        signature: signSessionReport(SECRET, ts, body),
        body,
        now,
      })
    ).toEqual(JSON.parse(body))
  })

  it("refuses a stale, unsigned, foreign or altered report", () => {
    const signature = signSessionReport(SECRET, ts, body)
    const stale = String(now / 1000 - 301)
    expect(
      verifySessionReport({
        secret: SECRET,
        timestamp: stale,
        signature: signSessionReport(SECRET, stale, body),
        body,
        now,
      })
    ).toBeNull()
    expect(
      verifySessionReport({ secret: SECRET, timestamp: ts, signature: undefined, body, now })
    ).toBeNull()
    expect(verifySessionReport({ secret: "other", timestamp: ts, signature, body, now })).toBeNull()
    expect(
      verifySessionReport({
        secret: SECRET,
        timestamp: ts,
        signature,
        body: body.replace("started", "ended"),
        now,
      })
    ).toBeNull()
  })
})
