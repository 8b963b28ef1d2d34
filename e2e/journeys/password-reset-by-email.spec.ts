import type { Browser } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { waitForMail } from "../support/mailbox"
import { registerByApi, signIn } from "../support/members"

describe("a member who forgot the password", () => {
  let browser: Browser
  const email = `forgot-${Date.now().toString(36)}@example.com`

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("asks for a link on the sign-in page, opens the mail's link, sets a new password and signs in", async () => {
    await registerByApi(email, "林")
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })

    await page.goto(webUrl("/account/sign-in?tab=password"), { waitUntil: "networkidle" })
    await page.getByTestId("password-sign-in").getByRole("link", { name: "忘记密码？" }).click()
    await page.waitForURL((url) => url.pathname === "/account/forgot-password")
    const ask = page.getByTestId("forgot-password")
    await ask.getByLabel("注册邮箱").fill(email)
    await ask.getByRole("button", { name: "发送重置链接" }).click()
    await ask.getByRole("status").waitFor()
    expect(await ask.getByRole("status").textContent()).toMatch(
      /^如果该邮箱已注册，我们已发送重置链接/
    )

    // The mail reaches the stack's SMTP server: zh-CN, both parts, one link to this shop.
    const mail = await waitForMail(email)
    expect(mail.subject).toBe("重置您的健康服务平台登录密码")
    expect(mail.text).toContain("15 分钟")
    const [link] = mail.text.match(/https?:\/\/\S+\/account\/reset-password\?\S+/) ?? []
    expect(link).toBeDefined()
    expect(mail.html).toContain(link!.replace(/&/g, "&amp;"))
    expect(new URL(link!).origin).toBe(new URL(webUrl()).origin)

    await page.goto(link!, { waitUntil: "networkidle" })
    expect(await page.getByRole("heading", { name: "设置新密码" }).count()).toBe(1)
    const reset = page.getByTestId("reset-password")
    expect(await reset.getByLabel("邮箱").inputValue()).toBe(email)

    // Commerce's password policy, in Chinese, before the link is spent.
    await reset.getByLabel(/^新密码/).fill("onlyletters")
    await reset.getByLabel("确认新密码").fill("onlyletters")
    await reset.getByRole("button", { name: "设置新密码" }).click()
    await reset.getByRole("alert").waitFor()
    expect(await reset.getByRole("alert").textContent()).toBe(
      "密码至少 8 位，且需同时包含字母和数字"
    )

    await reset.getByLabel(/^新密码/).fill("Forgotten2468")
    await reset.getByLabel("确认新密码").fill("Forgotten2468")
    await reset.getByRole("button", { name: "设置新密码" }).click()
    await page.waitForURL((url) => url.pathname === "/account/sign-in")
    await page.getByTestId("password-reset-done").waitFor()
    await screenshot(page, "password-reset-done")

    const signInForm = page.getByTestId("password-sign-in")
    await signInForm.getByLabel("邮箱").fill(email)
    await signInForm.getByLabel("密码").fill("Forgotten2468")
    await signInForm.getByRole("button", { name: "登录" }).click()
    await page.waitForURL((url) => url.pathname === "/account")

    // The old password no longer works, and the link is spent.
    await expect(signIn(email)).rejects.toThrow()
    await page.goto(link!, { waitUntil: "networkidle" })
    await reset.getByLabel(/^新密码/).fill("Another13579")
    await reset.getByLabel("确认新密码").fill("Another13579")
    await reset.getByRole("button", { name: "设置新密码" }).click()
    await reset.getByRole("alert").waitFor()
    expect(await reset.getByRole("alert").textContent()).toBe(
      "重置密码的链接无效、已过期或已使用，请重新申请重置密码"
    )
  })
})
