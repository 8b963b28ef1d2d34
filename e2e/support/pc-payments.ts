import type { Browser, Page } from "playwright-core"
import { webUrl } from "./browser"
import { fenOf, submitCheckout, waitForPaidOrder } from "./checkout"
import { addProductToCart, registerOnWeb, type CheckoutAddress } from "./shop"

/** The cashiers the stack's sandboxes show: where the browser lands, and what it clicks. */
const CASHIERS = {
  支付宝: { at: /\/gateway\.do(\?|$)/, amount: "alipay-amount" },
  银联支付: { at: /\/gateway\/api\/frontTransReq\.do$/, amount: "unionpay-amount" },
} as const

export type PcMethod = keyof typeof CASHIERS

export type PaidOrder = { orderId: string; fen: number; email: string; page: Page }

const SHANGHAI: CheckoutAddress = {
  name: "钱财务",
  phone: "13900005555",
  province: "上海市",
  city: "上海市",
  district: "浦东新区",
  address: "世纪大道 200 号",
}

/**
 * A new member on a PC browser buys one kit and pays at the method's cashier (the stack's
 * sandbox): checkout form, cashier, 确认付款, back to the paid order. Answers the order, the
 * amount the cashier took (fen) and the shopper's page.
 */
export async function buyOnPc(
  browser: Browser,
  { handle, method, who }: { handle: string; method: PcMethod; who: string }
): Promise<PaidOrder> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const email = `${who}-${Date.now().toString(36)}@example.com`
  await page.goto(webUrl("/account/sign-in"), { waitUntil: "networkidle" })
  await registerOnWeb(page, SHANGHAI.name, email)
  await addProductToCart(page, handle)
  await page.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
  await submitCheckout(page, { email, address: SHANGHAI, method })
  const cashier = CASHIERS[method]
  await page.waitForURL(cashier.at, { timeout: 30_000 })
  const amount = page.getByTestId(cashier.amount)
  await amount.waitFor({ timeout: 30_000 }).catch(async () => {
    throw new Error(`no cashier at ${page.url()}: ${(await page.innerText("body")).slice(0, 500)}`)
  })
  const fen = fenOf(await amount.innerText())
  await page.getByRole("button", { name: "确认付款" }).click()
  const orderId = await waitForPaidOrder(page)
  return { orderId, fen, email, page }
}
