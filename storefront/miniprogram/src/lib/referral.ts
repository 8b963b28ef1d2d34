import Taro from "@tarojs/taro"
import {
  bindPendingReferral as bindReferral,
  normalizeShareCode,
  REFERRAL_KEEP_DAYS,
  type BindOutcome,
} from "@health/core"
import { member } from "./clients"

const PENDING_KEY = "health.referral"
/** Like the web's referral cookie: a share code waits for sign-up or a first order. */
const KEEP_MS = REFERRAL_KEEP_DAYS * 24 * 3600_000

type Pending = { code: string; at: number }

export type { BindOutcome }

/**
 * A page opened from a shared card or poster carries `ref=<code>` (a QR scene arrives as
 * `scene=ref%3D<code>`); the newest code wins until the referrer is bound.
 */
export function rememberReferral(params: Record<string, string | undefined> | undefined) {
  const scene = params?.scene ? decodeURIComponent(params.scene) : ""
  const fromScene = /(?:^|&)ref=([^&]+)/.exec(scene)?.[1]
  const code = normalizeShareCode(params?.ref ?? fromScene)
  if (code) Taro.setStorageSync(PENDING_KEY, { code, at: Date.now() } satisfies Pending)
  return code
}

export function pendingReferral(now = Date.now()): string | null {
  const pending = Taro.getStorageSync(PENDING_KEY) as Pending | ""
  if (!pending || now - pending.at > KEEP_MS) return null
  return normalizeShareCode(pending.code)
}

/**
 * Binds a signed-in member to the code they arrived with, by the rule the web follows too
 * (@health/core's bindPendingReferral).
 */
export function bindPendingReferral(token: string): Promise<BindOutcome> {
  return bindReferral(
    { read: () => pendingReferral(), forget: () => Taro.removeStorageSync(PENDING_KEY) },
    (code) => member.affiliate.bind(token, code)
  )
}
