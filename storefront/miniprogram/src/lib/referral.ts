import Taro from "@tarojs/taro"
import { normalizeShareCode } from "@health/core"
import { member } from "./clients"

const PENDING_KEY = "health.referral"
/** Like the web's referral cookie: a share code waits 30 days for sign-up or a first order. */
const KEEP_MS = 30 * 24 * 3600_000

type Pending = { code: string; at: number }

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

export type BindOutcome = "bound" | "none" | { refused: string }

/**
 * Binds a signed-in member to the code they arrived with, as the web does at sign-up and
 * at the first order. Whatever commerce answers (bound, already bound, own code), the code
 * has done its job; only an outage keeps it for the next try.
 */
export async function bindPendingReferral(token: string): Promise<BindOutcome> {
  const code = pendingReferral()
  if (!code) return "none"
  try {
    await member.affiliate.bind(token, code)
    Taro.removeStorageSync(PENDING_KEY)
    return "bound"
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500
    if (status >= 500) return "none"
    Taro.removeStorageSync(PENDING_KEY)
    return { refused: (error as Error).message }
  }
}
