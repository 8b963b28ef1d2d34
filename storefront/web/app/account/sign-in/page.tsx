import type { Metadata } from "next"
import { cookies } from "next/headers"
import { redirect } from "next/navigation"
import { SignInForms } from "@/components/account/sign-in-forms"
import { bindOfficialAccountNow } from "@/lib/account-actions"
import { OA_BIND_TEXT, readBindToken } from "@/lib/official-account-bind"
import { REFERRAL_COOKIE } from "@/lib/referral-cookie"
import { safeRedirectPath } from "@/lib/safe-redirect"
import { currentMember } from "@/lib/session"

export const metadata: Metadata = { title: "登录 / 注册" }

type Search = Promise<{ next?: string; tab?: string; reset?: string; oa_bind?: string }>

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { next: asked, tab, reset, oa_bind } = await searchParams
  const next = safeRedirectPath(asked, "/account")
  const oaBind = readBindToken(oa_bind)
  if (await currentMember()) {
    if (!oaBind) redirect(next)
    // Signed in already: binding changes state, so it waits for the member's tap (a GET
    // that a browser may prefetch must not bind).
    return (
      <section className="narrow">
        <h1>{OA_BIND_TEXT.bindNow}</h1>
        <form action={bindOfficialAccountNow} data-testid="oa-bind-now">
          <input type="hidden" name="oa_bind" value={oaBind} />
          <button type="submit" className="button primary block">
            {OA_BIND_TEXT.bindNow}
          </button>
        </form>
      </section>
    )
  }
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
      {oaBind && (
        <p className="notice" data-testid="oa-bind-notice">
          {OA_BIND_TEXT.pending}
        </p>
      )}
      <SignInForms
        next={next}
        oaBind={oaBind}
        initialTab={tab === "register" || tab === "password" ? tab : "phone"}
      />
    </section>
  )
}
