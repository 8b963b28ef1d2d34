import type { Page } from "playwright-core"
import { webUrl } from "./browser"
import { fillCheckoutAddress, type CheckoutAddress } from "./shop"

/** Safari on an iPhone: a phone browser outside WeChat (the web offers WeChat H5 there). */
export const PHONE_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 " +
  "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"

/** The payment methods /checkout offers, as their radio labels read (offline with its note). */
export async function offeredPaymentMethods(page: Page): Promise<string[]> {
  const labels = page.getByTestId("payment-methods").locator("label")
  return (await labels.allInnerTexts()).map((text) => text.trim())
}

/** The methods /checkout lists as missing here, each with its reason ("支付宝：…"). */
export async function missingPaymentMethods(page: Page): Promise<string[]> {
  const items = page.getByTestId("payment-methods-missing").locator("li")
  return (await items.allInnerTexts()).map((text) => text.trim())
}

/**
 * On /checkout: fills email and address, chooses the payment method by its label, agrees
 * and submits; the browser then follows the payment action (the caller waits for where).
 */
export async function submitCheckout(
  page: Page,
  { email, address, method }: { email: string; address: CheckoutAddress; method: string }
) {
  const form = page.getByTestId("checkout-form")
  await form.getByLabel("邮箱（接收订单与报告通知）").fill(email)
  await fillCheckoutAddress(form, address)
  await form.getByLabel(method, { exact: true }).check()
  await form.getByLabel(/我已阅读并同意/).check()
  await form.getByRole("button", { name: /提交订单并支付/ }).click()
}

/** Waits for the waiting page to turn into the paid order and answers the order's id. */
export async function waitForPaidOrder(page: Page): Promise<string> {
  await page.waitForURL(/\/checkout\/done\/order_/, { timeout: 60_000 })
  await page.getByTestId("order-done").waitFor()
  return new URL(page.url()).pathname.split("/").pop()!
}

/** 我的订单 shows the order as 已付款, in the 已付款 tab and on its own page. */
export async function paidStateUnderMyOrders(page: Page, orderId: string) {
  await page.goto(webUrl("/account/orders?tab=paid"), { waitUntil: "networkidle" })
  const row = page
    .getByTestId("order-row")
    .filter({ has: page.locator(`a[href="/account/orders/${orderId}"]`) })
  const inList = await row.getByTestId("order-state").innerText()
  await page.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
  const onPage = await page.getByTestId("order-state").innerText()
  return [inList, onPage]
}

/** "¥1,299.00" and "¥1299.00" alike: the amount in fen. */
export const fenOf = (shown: string) => Math.round(Number(shown.replace(/[¥,\s]/g, "")) * 100)
