import type { Browser } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { addProductToCart, fillCheckoutAddress, registerOnWeb } from "../support/shop"
import { actAsWechatBrowser, WECHAT_USER_AGENT } from "../support/wechat-client"

describe("a shopper on a PC buys a kit with WeChat Pay", () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("checks out, scans the QR code (the sandbox's pay page) and sees the paid order", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // A member, so the order is then found again under 我的订单.
    const email = `pc-buyer-${Date.now()}@example.com`
    await page.goto(webUrl("/account/sign-in"), { waitUntil: "networkidle" })
    await registerOnWeb(page, "赵晓", email)
    await addProductToCart(page, "sports-gene-test")
    await page.goto(webUrl("/cart"), { waitUntil: "networkidle" })
    await page.getByTestId("go-checkout").click()
    await page.waitForURL(/\/checkout$/)

    const form = page.getByTestId("checkout-form")
    await form.getByLabel("邮箱（接收订单与报告通知）").fill(email)
    await fillCheckoutAddress(form, {
      name: "赵晓",
      phone: "13900001111",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      address: "洞庭南路 1 号",
    })

    // Without consent nothing is created and the form says why.
    await form.getByRole("button", { name: /提交订单并支付/ }).click()
    await page.getByText("请阅读并同意《隐私政策》").waitFor()

    await form.getByRole("checkbox").check()
    await form.getByRole("button", { name: /提交订单并支付/ }).click()
    await page.waitForURL(/\/checkout\/pay\?cart=cart_/)
    await page.getByTestId("wechat-qr").waitFor()
    const amount = await page.getByTestId("pay-amount").innerText()
    expect(amount).toMatch(/^¥[\d,]+\.\d{2}$/)
    await screenshot(page, "10-wechat-qr")

    // The QR code encodes the sandbox's pay page; a phone would open it in WeChat.
    const payPage = await browser.newPage()
    await payPage.goto((await page.getByTestId("sandbox-pay-link").getAttribute("href")) as string)
    expect(await payPage.locator(".amount").innerText()).toBe(amount)
    await payPage.locator("#confirm-pay").click()
    await payPage.locator("#pay-result").waitFor()
    expect(await payPage.locator("#pay-result").innerText()).toBe("支付成功")

    // The waiting page notices the payment by itself and shows the order.
    await page.waitForURL(/\/checkout\/done\/order_/, { timeout: 60_000 })
    await page.getByTestId("order-done").waitFor()
    expect(await page.locator("h1").innerText()).toBe("支付成功")
    expect(await page.getByTestId("order-total").innerText()).toBe(amount)
    expect(await page.getByTestId("cart-count").innerText()).toBe("0")
    await screenshot(page, "11-order-paid")

    // 我的订单 shows it paid, in the list and on its own page.
    const orderId = new URL(page.url()).pathname.split("/").pop()!
    await page.goto(webUrl("/account/orders?tab=paid"), { waitUntil: "networkidle" })
    const row = page
      .getByTestId("order-row")
      .filter({ has: page.locator(`a[href="/account/orders/${orderId}"]`) })
    expect(await row.getByTestId("order-state").innerText()).toBe("已付款")
    await page.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
    expect(await page.getByTestId("order-state").innerText()).toBe("已付款")
  })

  it("pays offline only with a 岳阳 address, and the order then waits for staff to confirm", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await addProductToCart(page, "sports-gene-test")
    await page.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    const form = page.getByTestId("checkout-form")
    await form.getByLabel("邮箱（接收订单与报告通知）").fill("offline-buyer@example.com")
    await fillCheckoutAddress(form, {
      name: "钱多多",
      phone: "13900002222",
      province: "北京市",
      city: "北京市",
      district: "朝阳区",
      address: "建国路 1 号",
    })
    await form.getByLabel(/线下支付/).check()
    await form.getByRole("checkbox").check()
    await form.getByRole("button", { name: /提交订单并支付/ }).click()
    await page.getByText("线下支付仅限岳阳地区，请选择微信支付").waitFor()

    await form.locator('select[name="province"]').selectOption("湖南省")
    await form.locator('select[name="city"]').selectOption("岳阳市")
    await form.locator('select[name="district"]').selectOption("岳阳楼区")
    await form.getByLabel("详细地址").fill("洞庭南路 1 号")
    await form.getByRole("button", { name: /提交订单并支付/ }).click()
    await page.waitForURL(/\/checkout\/done\/order_/)
    expect(await page.locator("h1").innerText()).toBe("订单已提交，待付款")
    expect(await page.getByTestId("offline-instructions").innerText()).toContain(
      "转账时请备注订单号"
    )
    await screenshot(page, "12-offline-order")
  })
  it("inside WeChat's browser: the official account's OAuth, then JSAPI pays right on the page", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent: WECHAT_USER_AGENT,
    })
    await actAsWechatBrowser(context)
    const page = await context.newPage()
    await addProductToCart(page, "sports-gene-test")
    // The checkout first learns the payer's openid through the (silent) OAuth round trip.
    await page.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    expect(new URL(page.url()).pathname).toBe("/checkout")
    const cookies = await context.cookies()
    expect(cookies.find((c) => c.name === "wx_oa_openid")?.value).toMatch(/^o[\w-]{27}$/)
    expect(await page.getByTestId("checkout-summary").innerText()).toContain("在微信内直接付款")

    const form = page.getByTestId("checkout-form")
    await form.getByLabel("邮箱（接收订单与报告通知）").fill("wechat-buyer@example.com")
    await fillCheckoutAddress(form, {
      name: "周微信",
      phone: "13900003333",
      province: "广东省",
      city: "深圳市",
      district: "南山区",
      address: "科技园路 3 号",
    })
    await form.getByRole("checkbox").check()
    await form.getByRole("button", { name: /提交订单并支付/ }).click()

    // No QR code here: WeChat Pay opens on the page, and the page moves on once paid.
    await page.waitForURL(/\/checkout\/done\/order_/, { timeout: 60_000 })
    await page.getByTestId("order-done").waitFor()
    expect(await page.locator("h1").innerText()).toBe("支付成功")
    await screenshot(page, "16-wechat-browser-paid")
    await context.close()
  })
})
