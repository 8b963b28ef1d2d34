/**
 * Mainland China mobile numbers in one canonical form, +86 followed by 11 digits, so
 * "138 0013 8000", "+8613800138000" and "008613800138000" are the same member.
 * Returns null for anything that is not a mainland mobile number.
 */
export function normalizeCnMobile(input: unknown): string | null {
  if (typeof input !== "string") return null
  const digits = input.replace(/[\s-]/g, "").replace(/^(\+86|0086|86(?=1\d{10}$))/, "")
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : null
}

/** 138****8000: enough for a member to recognise their number, not enough to leak it. */
export function maskCnMobile(phone: string): string {
  const digits = phone.replace(/^\+86/, "")
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}
