import type { Browser, BrowserContext, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import {
  fenOf,
  missingPaymentMethods,
  offeredPaymentMethods,
  paidStateUnderMyOrders,
  PHONE_USER_AGENT,
  submitCheckout,
  waitForPaidOrder,
} from "../support/checkout"
import { addProductToCart, registerOnWeb, type CheckoutAddress } from "../support/shop"
import { actAsWechatBrowser, WECHAT_USER_AGENT } from "../support/wechat-client"

// The stack runs the plugins' sandboxes (scripts/lib/stack.mjs): the browser posts or follows
// the signed request to them, clicks 确认付款 at their cashier, and they notify commerce with a
// signed notification and send the browser back to /checkout/return/<provider>.
const ALIPAY_GATEWAY = /\/gateway\.do(\?|$)/
const UNIONPAY_FRONT = /\/gateway\/api\/frontTransReq\.do$/

const ADDRESS: CheckoutAddress = {
  name: "孙支付",
  phone: "13900004444",
  province: "上海市",
  city: "上海市",
  district: "浦东新区",
  address: "世纪大道 100 号",
}

/** The cashier's product line; when the gateway refused the request, its error page in the failure. */
async function cashierProduct(page: Page, testId: string): Promise<string> {
  const product = page.getByTestId(testId)
  await product.waitFor({ timeout: 30_000 }).catch(async () => {
    throw new Error(
      `no cashier at ${page.url()}: ${(await page.locator("body").innerText()).slice(0, 500)}`
    )
  })
  return product.innerText()
}

/** Reads the page, again when a redirect still under way replaced it mid-read. */
async function afterRedirects<T>(page: Page, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByTestId("payment-methods").waitFor({ timeout: 30_000 })
      return await read()
    } catch (error) {
      if (attempt >= 5 || !/context was destroyed|navigat/i.test(String(error))) throw error
      await page.waitForLoadState("networkidle")
    }
  }
}

describe("a shopper pays by 支付宝 or 银联 in the browser", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined)
    await browser?.close()
  })

  const pcPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    return context.newPage()
  }

  const phonePage = async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent: PHONE_USER_AGENT,
      isMobile: true,
      hasTouch: true,
    })
    contexts.push(context)
    return context.newPage()
  }

  /** A new member with one kit in the cart, on /checkout. */
  const memberAtCheckout = async (page: Page, who: string) => {
    const email = `${who}-${Date.now()}@example.com`
    await page.goto(webUrl("/account/sign-in"), { waitUntil: "networkidle" })
    await registerOnWeb(page, ADDRESS.name, email)
    await addProductToCart(page, "sports-gene-test")
    await page.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    return email
  }

  it("on a PC: 支付宝 电脑网站支付 (page.pay) from the checkout's form to the paid order", async () => {
    const page = await pcPage()
    const email = await memberAtCheckout(page, "alipay-pc")
    const offered = await offeredPaymentMethods(page)
    expect(offered.slice(0, 3)).toEqual(["微信支付（微信扫码）", "支付宝", "银联支付"])
    expect(offered[3]).toMatch(/^线下支付/)

    await submitCheckout(page, { email, address: ADDRESS, method: "支付宝" })
    // The pay page posts the signed page.pay form to Alipay's gateway, which shows its cashier.
    await page.waitForURL(ALIPAY_GATEWAY, { timeout: 30_000 })
    expect(await cashierProduct(page, "alipay-product")).toBe("电脑网站支付")
    const amount = await page.getByTestId("alipay-amount").innerText()
    await screenshot(page, "20-alipay-pc-cashier")
    await page.getByRole("button", { name: "确认付款" }).click()

    // Back through the return route to the waiting page, which shows the order once the
    // notification has completed it.
    const orderId = await waitForPaidOrder(page)
    expect(await page.locator("h1").innerText()).toBe("支付成功")
    expect(fenOf(await page.getByTestId("order-total").innerText())).toBe(fenOf(amount))
    expect(await page.getByTestId("cart-count").innerText()).toBe("0")
    await screenshot(page, "21-alipay-pc-paid")
    expect(await paidStateUnderMyOrders(page, orderId)).toEqual(["已付款", "已付款"])
  })

  it("on a phone outside WeChat: 支付宝 手机网站支付 (wap.pay); a return alone completes nothing", async () => {
    const page = await phonePage()
    const email = await memberAtCheckout(page, "alipay-phone")
    const offered = await offeredPaymentMethods(page)
    expect(offered.slice(0, 3)).toEqual(["微信支付（微信H5）", "支付宝", "银联支付"])

    await submitCheckout(page, { email, address: ADDRESS, method: "支付宝" })
    // A phone browser follows the signed wap.pay URL straight to the cashier.
    await page.waitForURL(ALIPAY_GATEWAY, { timeout: 30_000 })
    const cashier = page.url()
    expect(await cashierProduct(page, "alipay-product")).toBe("手机网站支付")
    const amount = await page.getByTestId("alipay-amount").innerText()
    await screenshot(page, "22-alipay-phone-cashier")

    // Someone reaches the return address without paying, even claiming success: the shop
    // only waits, and commerce still has no payment for the cart.
    await page.goto(
      webUrl("/checkout/return/alipay?trade_status=TRADE_SUCCESS&total_amount=0.01&sign=forged"),
      { waitUntil: "networkidle" }
    )
    expect(new URL(page.url()).pathname).toBe("/checkout/pay")
    const cartId = new URL(page.url()).searchParams.get("cart")!
    expect(cartId).toMatch(/^cart_/)
    await page.getByTestId("pay-returned").waitFor()
    const status = await page.request.get(webUrl(`/checkout/status?cart=${cartId}`))
    expect(await status.json()).toEqual({ status: "waiting" })
    expect(await page.getByTestId("payment-waiter").innerText()).toContain("等待支付结果")

    // Back at the cashier, paying is what completes the order.
    await page.goto(cashier)
    await page.getByRole("button", { name: "确认付款" }).click()
    const orderId = await waitForPaidOrder(page)
    expect(await page.locator("h1").innerText()).toBe("支付成功")
    expect(fenOf(await page.getByTestId("order-total").innerText())).toBe(fenOf(amount))
    await screenshot(page, "23-alipay-phone-paid")
    expect(await paidStateUnderMyOrders(page, orderId)).toEqual(["已付款", "已付款"])
  })

  it("on a PC: 银联 gateway payment, back to the shop by UnionPay's signed front form", async () => {
    const page = await pcPage()
    const email = await memberAtCheckout(page, "unionpay-pc")
    await submitCheckout(page, { email, address: ADDRESS, method: "银联支付" })
    await page.waitForURL(UNIONPAY_FRONT, { timeout: 30_000 })
    await page.getByText("银联在线支付").first().waitFor()
    expect(await page.getByTestId("unionpay-channel").innerText()).toBe("电脑网页支付")
    const amount = await page.getByTestId("unionpay-amount").innerText()
    await screenshot(page, "24-unionpay-cashier")
    await page.getByRole("button", { name: "确认付款" }).click()

    const orderId = await waitForPaidOrder(page)
    expect(await page.locator("h1").innerText()).toBe("支付成功")
    expect(fenOf(await page.getByTestId("order-total").innerText())).toBe(fenOf(amount))
    await screenshot(page, "25-unionpay-paid")
    expect(await paidStateUnderMyOrders(page, orderId)).toEqual(["已付款", "已付款"])
  })

  it("inside WeChat's browser the checkout explains why 支付宝 and 银联 are missing", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent: WECHAT_USER_AGENT,
    })
    contexts.push(context)
    await actAsWechatBrowser(context)
    const page = await context.newPage()
    await addProductToCart(page, "sports-gene-test")
    // The checkout first learns the payer's openid through the (silent) OAuth round trip: the
    // methods are read again if that redirect replaced the page while they were being read.
    await page.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    const offered = await afterRedirects(page, () => offeredPaymentMethods(page))
    expect(offered[0]).toBe("微信支付")
    expect(offered.some((label) => /支付宝|银联/.test(label))).toBe(false)
    expect(await afterRedirects(page, () => missingPaymentMethods(page))).toEqual([
      "支付宝：在微信内仅支持微信支付",
      "银联支付：在微信内仅支持微信支付",
    ])
  })
})
