import type { Browser } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { adminToken, commerce, post } from "../support/commerce-api"
import { waitForMail } from "../support/mailbox"
import { registerByApi, signIn } from "../support/members"

/** A staff user without roles, made as a super admin would: invite, then accept. */
async function inviteStaff(email: string, password: string) {
  const admin = await adminToken()
  const { invite } = await post<{ invite: { token: string } }>(
    "/admin/invites?fields=id,email,token",
    { email },
    { token: admin, admin: true }
  )
  const { token: registration } = await post<{ token: string }>("/auth/user/emailpass/register", {
    email,
    password,
  })
  await post(
    `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`,
    { email, first_name: "晓", last_name: "周" },
    { token: registration, admin: true }
  )
}

describe("a member or staff user who forgot the password", () => {
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
  it("staff: the admin's own reset page asks for the mail, and its link sets the new password", async () => {
    const staffEmail = `staff-forgot-${Date.now().toString(36)}@health.local`
    await inviteStaff(staffEmail, "Staff12345")
    const page = await browser.newPage()

    await page.goto(`${commerce()}/app/reset-password`, { waitUntil: "networkidle" })
    await page.locator('input[name="email"]').fill(staffEmail)
    await page.locator('button[type="submit"]').click()

    const mail = await waitForMail(staffEmail)
    expect(mail.subject).toBe("重置您的健康服务平台管理后台登录密码")
    const [link] = mail.text.match(/https?:\/\/\S+\/app\/reset-password\?\S+/) ?? []
    expect(link).toBeDefined()
    expect(new URL(link!).origin).toBe(new URL(commerce()).origin)

    await page.goto(link!, { waitUntil: "networkidle" })
    expect(await page.locator('input[type="email"]').inputValue()).toBe(staffEmail)
    await page.locator('input[name="password"]').fill("StaffNew2468")
    await page.locator('input[name="repeat_password"]').fill("StaffNew2468")
    await page.locator('button[type="submit"]').click()
    // The admin hides its button once the password is set.
    await page.locator('button[type="submit"]').waitFor({ state: "detached" })
    await screenshot(page, "staff-password-reset-done")

    const signedIn = await post<{ token: string }>("/auth/user/emailpass", {
      email: staffEmail,
      password: "StaffNew2468",
    })
    expect(signedIn.token).toEqual(expect.any(String))
    await expect(
      post("/auth/user/emailpass", { email: staffEmail, password: "Staff12345" })
    ).rejects.toThrow(/401/)
  })
})
