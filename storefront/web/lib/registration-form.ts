import type { MemberMembership, MemberProfile } from "@health/core"
import { readMembershipForm } from "./membership-form"
import { birthDateProblem, occupationProblem, shanghaiToday } from "./profile-form"

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

export type Registration = {
  email: string
  password: string
  /** 姓名 split as 姓 (first character) and 名; both "" when not given. */
  profile: MemberProfile
  membership: MemberMembership
}

/** The 注册 form as a registration, or the first thing to fix, in Chinese. */
export function readRegistrationForm(
  form: FormData,
  today = shanghaiToday()
): { registration: Registration; problem?: never } | { registration?: never; problem: string } {
  const email = text(form, "email")
  const password = String(form.get("password") ?? "")
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return { problem: "请输入正确的邮箱地址" }
  if (password.length < 8) return { problem: "密码至少 8 位" }
  if (password !== String(form.get("password_confirm") ?? "")) {
    return { problem: "两次输入的密码不一致" }
  }
  const { membership, problem } = readMembershipForm(form)
  if (!membership) return { problem }
  const name = Array.from(text(form, "name"))
  if (name.length > 20) return { problem: "姓名最多 20 个字" }
  const profile = {
    last_name: name.slice(0, 1).join(""),
    first_name: name.slice(1).join(""),
    birth_date: text(form, "birth_date"),
    occupation: text(form, "occupation"),
  }
  const profileProblem =
    birthDateProblem(profile.birth_date, today) ?? occupationProblem(profile.occupation)
  if (profileProblem) return { problem: profileProblem }
  if (!form.get("agree")) return { problem: "请阅读并同意用户协议与隐私政策" }
  return { registration: { email, password, profile, membership } }
}

/** Whether the sign-up needs a profile update for what Medusa's sign-up does not take. */
export const hasProfileExtras = (registration: Registration) =>
  Boolean(registration.profile.birth_date || registration.profile.occupation)
