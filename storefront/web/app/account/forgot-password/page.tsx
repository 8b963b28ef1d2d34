import type { Metadata } from "next"
import Link from "next/link"
import { ForgotPasswordForm } from "@/components/account/forgot-password-form"
import { requestPasswordReset } from "@/lib/password-reset-actions"

export const metadata: Metadata = { title: "忘记密码" }

export default function ForgotPasswordPage() {
  return (
    <section className="narrow">
      <h1>忘记密码</h1>
      <div className="panel auth-card">
        <p className="hint">
          请输入注册时使用的邮箱，我们会发送一封邮件，打开其中的链接即可设置新密码。
        </p>
        <ForgotPasswordForm request={requestPasswordReset} />
        <p className="hint">
          没有绑定邮箱？请使用<Link href="/account/sign-in">短信验证码登录</Link>。
        </p>
      </div>
    </section>
  )
}
