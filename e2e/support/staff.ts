import type { Browser, BrowserContext, Page } from "playwright-core"
import { adminToken, call, commerce, post } from "./commerce-api"

export type StaffMember = { id: string; email: string; password: string }

/**
 * A staff user with one built-in role (`finance` 财务, `operations` 运营, …), made as a super
 * admin would in 权限管理: invite, accept, assign the role.
 */
export async function staffWithRole(roleCode: string, who: string): Promise<StaffMember> {
  const admin = { token: await adminToken(), admin: true }
  const email = `${who}-${Date.now().toString(36)}@health.local`
  const password = "Staff12345"
  const { invite } = await post<{ invite: { token: string } }>(
    "/admin/invites?fields=id,email,token",
    { email },
    admin
  )
  const { token: registration } = await post<{ token: string }>("/auth/user/emailpass/register", {
    email,
    password,
  })
  const { user } = await post<{ user: { id: string } }>(
    `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`,
    { email, first_name: who, last_name: "员工" },
    { token: registration, admin: true }
  )
  const { roles } = await call<{ roles: { id: string; code: string }[] }>(
    "/admin/access/roles",
    admin
  )
  const role = roles.find((one) => one.code === roleCode)
  if (!role) throw new Error(`no built-in role ${roleCode}: ${roles.map((r) => r.code)}`)
  await post(`/admin/access/users/${user.id}/roles`, { role_ids: [role.id] }, admin)
  return { id: user.id, email, password }
}

/** The staff member's bearer token for the admin API. */
export async function staffToken(staff: StaffMember): Promise<string> {
  const { token } = await post<{ token: string }>("/auth/user/emailpass", {
    email: staff.email,
    password: staff.password,
  })
  return token
}

/**
 * A wide browser window in which Medusa's admin speaks 简体中文 (the admin reads its language
 * from the `lng` cookie or local storage, as its profile page's language setting writes it).
 */
export async function adminContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
  })
  await context.addInitScript(() => window.localStorage.setItem("lng", "zhCN"))
  return context
}

/** Signs in to the Medusa admin with the staff member's email and password. */
export async function signInToAdminAs(page: Page, staff: StaffMember) {
  await page.goto(`${commerce()}/app/login`, { waitUntil: "networkidle" })
  await page.locator('input[name="email"]').fill(staff.email)
  await page.locator('input[name="password"]').fill(staff.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"))
}
