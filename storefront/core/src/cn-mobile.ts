/**
 * The 11 digits of a mainland mobile number as a member may type it ("138 0013 8000",
 * "+86 138-0013-8000"), or null when it is not one. Medusa keeps numbers as +86….
 */
export function parseCnMobile(input: string | null | undefined): string | null {
  const digits = String(input ?? "")
    .replace(/[\s-]/g, "")
    .replace(/^(\+86|0086)/, "")
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}

/** 138 0013 8000, from any form Medusa or a member wrote it in; "" for none. */
export function formatCnMobile(phone: string | null | undefined): string {
  const digits = parseCnMobile(phone)
  if (!digits) return phone ?? ""
  return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
}
