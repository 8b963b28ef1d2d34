import { passwordResetEmail } from "../account.zh-CN"

const link = "https://shop.example.com/account/reset-password?token=a.b.c&email=li%40example.com"

describe("password reset email", () => {
  it("gives a member the link, how long it works and what to do if they did not ask", () => {
    const mail = passwordResetEmail({ audience: "member", link, validMinutes: 15 })
    expect(mail.subject).toBe("重置您的健康服务平台登录密码")
    expect(mail.text).toContain("会员账号")
    expect(mail.text).toContain(`\n${link}\n`)
    expect(mail.text).toContain("请在 15 分钟内打开下面的链接设置新密码")
    expect(mail.text).toContain("链接只能使用一次，15 分钟后失效")
    expect(mail.text).toContain("如果这不是您本人的操作，请忽略本邮件")
    // The HTML part carries the same link, escaped for an attribute.
    const escaped = link.replace(/&/g, "&amp;")
    expect(mail.html).toContain(`<a href="${escaped}"`)
    expect(mail.html).not.toContain(link)
    expect(mail.html).toContain('<html lang="zh-CN">')
  })

  it("tells staff it is their admin account", () => {
    const mail = passwordResetEmail({ audience: "staff", link, validMinutes: 30 })
    expect(mail.subject).toBe("重置您的健康服务平台管理后台登录密码")
    expect(mail.text).toContain("管理后台账号")
    expect(mail.text).toContain("30 分钟后失效")
  })

  it("escapes markup that reached a link", () => {
    const mail = passwordResetEmail({
      audience: "member",
      link: 'https://x.example/?a="><script>',
      validMinutes: 15,
    })
    expect(mail.html).not.toContain("<script>")
    expect(mail.html).toContain("&quot;&gt;&lt;script&gt;")
  })
})
