/** 张三丰 → 张**; a mobile number → 138****5678; an email → d***@health.local. */
export function maskName(name: string | null | undefined): string | null {
  const trimmed = name?.trim()
  if (!trimmed) return null
  const chars = Array.from(trimmed)
  return chars[0] + "*".repeat(Math.max(chars.length - 1, 1))
}

export function maskPhone(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/^\+?86/, "").replace(/\D/g, "")
  if (!digits || digits.length < 7) return null
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

export function maskEmail(email: string | null | undefined): string | null {
  if (!email || !email.includes("@")) return null
  const [user, domain] = email.split("@")
  return `${user.slice(0, 1)}***@${domain}`
}

/** The most recognisable masked label for a member, for referrer and team lists. */
export function maskedMemberLabel(customer: {
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  email?: string | null
}): string {
  const name = `${customer.last_name ?? ""}${customer.first_name ?? ""}`
  return maskName(name) ?? maskPhone(customer.phone) ?? maskEmail(customer.email) ?? "会员"
}
