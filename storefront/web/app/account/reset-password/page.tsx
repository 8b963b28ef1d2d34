import type { Metadata } from "next"
import Link from "next/link"
import { ResetPasswordForm } from "@/components/account/reset-password-form"
import { resetPassword } from "@/lib/password-reset-actions"

export const metadata: Metadata = { title: "设置新密码" }

type Search = Promise<{ token?: string; email?: string }>

/** Opened from the reset mail: `?token=…&email=…` (commerce's auth.password_reset subscriber). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Search }) {
  const { token, email } = await searchParams
  return (
    <section className="narrow">
      <h1>设置新密码</h1>
      <div className="panel auth-card">
        {token ? (
          <ResetPasswordForm token={token} email={email ?? ""} reset={resetPassword} />
        ) : (
          <p className="form-error" role="alert" data-testid="reset-link-incomplete">
            重置链接不完整，请从邮件中重新打开链接，或重新申请。
          </p>
        )}
        <p className="hint">
          链接已失效？<Link href="/account/forgot-password">重新申请重置密码</Link>
        </p>
      </div>
    </section>
  )
}
