/**
 * Account emails (zh-CN): what members and staff receive about their sign-in. Each template
 * renders a subject, a plain-text part and an HTML part from ids and links only, never from
 * health data.
 */
export type RenderedEmail = { subject: string; text: string; html: string }

const BRAND = "健康服务平台"

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!
  )

export type PasswordResetEmailData = {
  /** Members reset on the web storefront, staff in the Medusa admin. */
  audience: "member" | "staff"
  /** The page that sets the new password, carrying the one-time token. */
  link: string
  /** How long the link works (Medusa's reset token lifetime). */
  validMinutes: number
}

export function passwordResetEmail({
  audience,
  link,
  validMinutes,
}: PasswordResetEmailData): RenderedEmail {
  const account = audience === "staff" ? "管理后台账号" : "会员账号"
  const subject = `重置您的${BRAND}${audience === "staff" ? "管理后台" : ""}登录密码`
  const intro = `我们收到了重置您在${BRAND}${account}登录密码的请求。请在 ${validMinutes} 分钟内打开下面的链接设置新密码：`
  const validity = `链接只能使用一次，${validMinutes} 分钟后失效；失效后请在登录页点击「忘记密码？」重新申请。`
  const ignore = "如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。"
  const footer = `${BRAND}（此邮件由系统自动发送，请勿直接回复）`
  const text = ["您好：", "", intro, "", link, "", validity, ignore, "", footer, ""].join("\n")
  const safeLink = escapeHtml(link)
  const html = `<!doctype html>
<html lang="zh-CN">
<body style="font-family: -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1f2937; line-height: 1.7">
<p>您好：</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${safeLink}" style="display: inline-block; padding: 10px 20px; background: #0f766e; color: #ffffff; text-decoration: none; border-radius: 6px">设置新密码</a></p>
<p style="font-size: 13px; color: #6b7280">如果按钮无法打开，请复制以下链接到浏览器：<br>${safeLink}</p>
<p>${escapeHtml(validity)}<br>${escapeHtml(ignore)}</p>
<p style="font-size: 13px; color: #6b7280">${escapeHtml(footer)}</p>
</body>
</html>
`
  return { subject, text, html }
}
