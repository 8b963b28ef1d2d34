import { formatCnMobile } from "../cn-mobile"
import type { Member } from "./member-client"

/**
 * What a member edits about themselves. Medusa's customer has the names; birth date and
 * occupation live in its metadata, where an empty string removes the key.
 */
export type MemberProfile = {
  first_name: string
  last_name: string
  /** YYYY-MM-DD, or "" when not given. */
  birth_date: string
  occupation: string
}

const text = (value: unknown) => (typeof value === "string" ? value : "")

export function profileOf(member: Member): MemberProfile {
  return {
    first_name: member.first_name ?? "",
    last_name: member.last_name ?? "",
    birth_date: text(member.metadata?.birth_date),
    occupation: text(member.metadata?.occupation),
  }
}

/** The body for `POST /store/customers/me`; empty fields clear what was there. */
export function profileUpdateBody(profile: MemberProfile) {
  return {
    first_name: profile.first_name || null,
    last_name: profile.last_name || null,
    metadata: { birth_date: profile.birth_date, occupation: profile.occupation },
  }
}

/** 张三, or the phone or email when no name is given. */
export function displayName(member: Member): string {
  const name = `${member.last_name ?? ""}${member.first_name ?? ""}`
  return name || formatCnMobile(member.phone) || member.email || ""
}
