/**
 * The one password rule for members and staff, at registration, password change and reset.
 * The web and mini-program forms ask for at least 8 characters; letters and digits both are
 * required on top, so PINs and single dictionary words are refused.
 */
export const MIN_PASSWORD_LENGTH = 8
/** bcrypt/scrypt inputs beyond this gain nothing and cost time. */
export const MAX_PASSWORD_LENGTH = 72

/** The rule in Chinese; `subject` names the password ("新密码" when changing it). */
export const passwordRule = (subject = "密码") =>
  `${subject}至少 ${MIN_PASSWORD_LENGTH} 位，且需同时包含字母和数字`

/** Null when `password` may be used, else what to fix, in Chinese. */
export function passwordProblem(password: unknown, subject = "密码"): string | null {
  if (typeof password !== "string" || password.length === 0) return `请输入${subject}`
  if (password.length > MAX_PASSWORD_LENGTH) return `${subject}不能超过 ${MAX_PASSWORD_LENGTH} 位`
  if (password.length < MIN_PASSWORD_LENGTH || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return passwordRule(subject)
  }
  return null
}
