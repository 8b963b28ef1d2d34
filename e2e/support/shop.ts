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
