import type { VerifyResult } from "./otp-store"

const REFUSALS = {
  expired: "验证码已失效，请重新获取",
  mismatch: "验证码不正确",
  locked: "验证码错误次数过多，请重新获取",
} as const

/** What a member reads when a code is refused, with the tries left after a wrong one. */
export function otpRefusalMessage(verdict: Exclude<VerifyResult, { ok: true }>): string {
  const attempts = verdict.reason === "mismatch" ? `，还可尝试 ${verdict.attemptsLeft} 次` : ""
  return `${REFUSALS[verdict.reason]}${attempts}`
}
