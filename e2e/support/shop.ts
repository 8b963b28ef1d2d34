import type { Locator, Page } from "playwright-core"
import { webUrl } from "./browser"

/** Opens a product, adds its preselected variant, and waits for the header's count. */
export async function addProductToCart(page: Page, handle: string, expectedCount = 1) {
  await page.goto(webUrl(`/products/${handle}`), { waitUntil: "networkidle" })
  await page.getByTestId("add-to-cart").click()
  await page.waitForFunction(
    (count) =>
      document.querySelector('[data-testid="cart-count"]')?.textContent?.trim() === String(count),
    expectedCount,
    { timeout: 20_000 }
  )
}

export type CheckoutAddress = {
  name: string
  phone: string
  province: string
  city: string
  district: string
  address: string
}

/** Fills the checkout form's address fields (labels as the shopper reads them). */
export async function fillCheckoutAddress(form: Locator, address: CheckoutAddress) {
  await form.getByLabel("收货人").fill(address.name)
  await form.getByLabel("手机号").fill(address.phone)
  await form.locator('select[name="province"]').selectOption(address.province)
  await form.locator('select[name="city"]').selectOption(address.city)
  await form.locator('select[name="district"]').selectOption(address.district)
  await form.getByLabel("详细地址").fill(address.address)
}

/** Registers on the web's sign-in page (注册 tab) and waits for the account area. */
export async function registerOnWeb(page: Page, name: string, email: string) {
  await page.getByRole("tab", { name: "注册" }).click()
  const form = page.getByTestId("register")
  await form.getByLabel("姓名（选填）").fill(name)
  await form.getByLabel("邮箱").fill(email)
  await form.getByLabel("密码（至少 8 位）").fill("Secret12345")
  await form.getByLabel("确认密码").fill("Secret12345")
  await form.getByRole("checkbox").check()
  await form.getByRole("button", { name: "注册" }).click()
  await page.waitForURL(
    (url) => url.pathname.startsWith("/account") && !url.pathname.endsWith("sign-in")
  )
}

/**
 * On /checkout: fills the address, chooses 线下支付 (岳阳 only), agrees and submits; waits
 * for the order page and answers the order id. The email is filled when given (guests).
 */
export async function placeOfflineOrder(page: Page, address: CheckoutAddress, email?: string) {
  const form = page.getByTestId("checkout-form")
  if (email) await form.getByLabel("邮箱（接收订单与报告通知）").fill(email)
  await fillCheckoutAddress(form, address)
  await form.getByLabel(/线下支付/).check()
  await form.getByLabel(/我已阅读并同意/).check()
  await form.getByRole("button", { name: /提交订单并支付/ }).click()
  await page.waitForURL(/\/checkout\/done\/order_/)
  return new URL(page.url()).pathname.split("/").pop()!
}

/** Signs in to the Medusa admin as the seeded super admin. */
export async function signInToAdmin(page: Page, commerceUrl: string) {
  await page.goto(`${commerceUrl}/app/login`, { waitUntil: "networkidle" })
  await page.locator('input[name="email"]').fill("admin@health.local")
  await page.locator('input[name="password"]').fill("Admin12345")
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"))
}
