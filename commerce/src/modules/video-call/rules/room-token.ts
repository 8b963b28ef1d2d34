import { createHmac, randomUUID, timingSafeEqual } from "crypto"

/** Who may be in a video consultation's room: its member and its doctor, nobody else. */
export type RoomRole = "member" | "doctor"

export type RoomClaims = {
  /** The consultation id: one room per consultation. */
  room: string
  role: RoomRole
  /** The customer or doctor id. */
  sub: string
  /** Expiry, Unix seconds. */
  exp: number
  jti: string
}

/** A room token lives this long: enough to open the page and join, not to be passed around. */
export const ROOM_TOKEN_TTL_SECONDS = 5 * 60

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url")
const mac = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`video-room.${payload}`).digest()

/** `payload.signature`, both base64url; the signature is HMAC-SHA256 under the shared secret. */
export function signRoomToken(
  secret: string,
  claims: Omit<RoomClaims, "exp" | "jti">,
  now: Date = new Date(),
  ttlSeconds = ROOM_TOKEN_TTL_SECONDS
): { token: string; claims: RoomClaims } {
  const full: RoomClaims = {
    ...claims,
    exp: Math.floor(now.getTime() / 1000) + ttlSeconds,
    jti: randomUUID(),
  }
  const payload = base64url(JSON.stringify(full))
  return { token: `${payload}.${base64url(mac(secret, payload))}`, claims: full }
}

export type RoomTokenCheck = { ok: true; claims: RoomClaims } | { ok: false; reason: string }

/** Accepts only a token this secret signed, not yet expired, naming a room and a role. */
export function verifyRoomToken(
  secret: string,
  token: string | null | undefined,
  now: Date = new Date()
): RoomTokenCheck {
  const [payload, signature, extra] = String(token ?? "").split(".")
  if (!payload || !signature || extra !== undefined)
    return { ok: false, reason: "通话凭证格式不正确" }
  const expected = mac(secret, payload)
  const given = Buffer.from(signature, "base64url")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "通话凭证无效" }
  }
  let claims: RoomClaims
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
  } catch {
    return { ok: false, reason: "通话凭证格式不正确" }
  }
  const valid =
    typeof claims?.room === "string" &&
    claims.room.length > 0 &&
    (claims.role === "member" || claims.role === "doctor") &&
    typeof claims.sub === "string" &&
    Number.isInteger(claims.exp)
  if (!valid) return { ok: false, reason: "通话凭证格式不正确" }
  if (claims.exp <= Math.floor(now.getTime() / 1000)) {
    return { ok: false, reason: "通话凭证已过期，请重新进入视频问诊" }
  }
  return { ok: true, claims }
}
