import { createHmac } from "crypto"

/** An RTCIceServer as the browser takes it. */
export type IceServer = { urls: string[]; username?: string; credential?: string }

/** TURN credentials live this long by default (TURN_CREDENTIAL_TTL_SECONDS). */
export const TURN_CREDENTIAL_TTL_SECONDS = 6 * 60 * 60

/**
 * coturn's REST scheme (use-auth-secret / static-auth-secret): the username is
 * `expiry:userId` (expiry in Unix seconds) and the password is
 * base64(HMAC-SHA1(secret, username)); coturn recomputes it and refuses it after expiry.
 */
export function turnCredentials(
  secret: string,
  userId: string,
  now: Date = new Date(),
  ttlSeconds = TURN_CREDENTIAL_TTL_SECONDS
): { username: string; credential: string; expires_at: string } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds
  const username = `${expiry}:${userId}`
  return {
    username,
    credential: createHmac("sha1", secret).update(username).digest("base64"),
    expires_at: new Date(expiry * 1000).toISOString(),
  }
}

const list = (value: string | undefined) =>
  String(value ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean)

/**
 * The ICE servers for one participant: STUN_URLS as they are, TURN_URLS with fresh
 * credentials when TURN_SECRET is set (TURN without a secret is left out: it would only fail).
 * Nothing configured: no ICE servers, which is enough on one machine or one LAN.
 */
export function iceServersFor(
  userId: string,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date()
): IceServer[] {
  const servers: IceServer[] = []
  const stun = list(env.STUN_URLS)
  if (stun.length) servers.push({ urls: stun })
  const turn = list(env.TURN_URLS)
  const secret = env.TURN_SECRET?.trim()
  if (turn.length && secret) {
    const ttl = Number(env.TURN_CREDENTIAL_TTL_SECONDS) || TURN_CREDENTIAL_TTL_SECONDS
    const { username, credential } = turnCredentials(secret, userId, now, ttl)
    servers.push({ urls: turn, username, credential })
  }
  return servers
}
