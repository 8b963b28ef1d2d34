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
  address: string
}

/** Fills the checkout form's address fields (labels as the shopper reads them). */
export async function fillCheckoutAddress(form: Locator, address: CheckoutAddress) {
  await form.getByLabel("收货人").fill(address.name)
  await form.getByLabel("手机号").fill(address.phone)
  await form.getByLabel("省份").fill(address.province)
  await form.getByLabel("城市").fill(address.city)
  await form.getByLabel("详细地址").fill(address.address)
}
