import { messages } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { PasswordForm } from "@/components/account/password-form"
import { changePassword } from "@/lib/password-actions"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.password }

export default async function PasswordPage() {
  const { member } = await requireMember("/account/password")
  return (
    <section className="account-page narrow">
      <AccountPageHead title={messages.account.password} />
      <div className="panel">
        {member.email ? (
          <PasswordForm email={member.email} change={changePassword} />
        ) : (
          // A password signs in with an email; phone and WeChat members have none to use it with.
          <div data-testid="no-password">
            <p>您的账号通过手机号或微信注册，没有登录密码，请继续使用短信验证码登录。</p>
            <p className="hint">
              如需更换登录手机号，请到<Link href="/account/profile">个人资料</Link>绑定新手机号。
            </p>
          </div>
        )}
      </div>
    </section>
  )
}
