import type { Metadata } from "next"
import { cookies } from "next/headers"
import { redirect } from "next/navigation"
import { SignInForms } from "@/components/account/sign-in-forms"
import { REFERRAL_COOKIE } from "@/lib/referral-cookie"
import { safeRedirectPath } from "@/lib/safe-redirect"
import { currentMember } from "@/lib/session"

export const metadata: Metadata = { title: "登录 / 注册" }

type Search = Promise<{ next?: string; tab?: string; reset?: string }>

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { next: asked, tab, reset } = await searchParams
  const next = safeRedirectPath(asked, "/account")
  if (await currentMember()) redirect(next)
  const referral = (await cookies()).get(REFERRAL_COOKIE)?.value
  return (
    <section className="narrow">
      <h1>登录 / 注册</h1>
      {reset === "done" && (
        <p className="notice success" role="status" data-testid="password-reset-done">
          密码已重置，请用新密码登录。
        </p>
      )}
      {referral && (
        <p className="notice" data-testid="referral-notice">
          您正通过好友的邀请（推荐码 {referral}）注册，注册后将自动绑定推荐关系。
        </p>
      )}
      <SignInForms
        next={next}
        initialTab={tab === "register" || tab === "password" ? tab : "phone"}
      />
    </section>
  )
}
