import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { adminToken, call, commerce, post } from "../support/commerce-api"
import {
  addProductToCart,
  fillCheckoutAddress,
  registerOnWeb as register,
  signInToAdmin,
} from "../support/shop"

const yuan = (shown: string) => Number(shown.replace(/[¥,]/g, ""))

async function balance(page: Page, testId: string) {
  return page.getByTestId(testId).innerText()
}

/** Reloads until the balance shows something other than ¥0.00 (subscribers run on the event bus). */
async function waitForBalance(page: Page, testId: string) {
  const deadline = Date.now() + 30_000
  let shown = await balance(page, testId)
  while (shown === "¥0.00" && Date.now() < deadline) {
    await page.waitForTimeout(1000)
    await page.reload({ waitUntil: "networkidle" })
    shown = await balance(page, testId)
  }
  return shown
}

describe("an affiliate shares a link and is paid", () => {
  let browser: Browser
  const run = Date.now().toString(36)

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("share link → friend registers and pays → pending → matured → withdrawn → paid", async () => {
    // The affiliate signs up and finds their link and poster in 分销中心.
    const sharer = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await sharer.goto(webUrl("/account/sign-in?next=/account/affiliate"), {
      waitUntil: "networkidle",
    })
    await register(sharer, "张分享", `sharer-${run}@example.com`)
    await sharer.waitForURL(/\/account\/affiliate/)
    const link = await sharer.getByTestId("share-link").innerText()
    expect(link).toMatch(/\/r\/[2-9A-HJKMNP-Z]{7}$/)
    await expect(sharer.getByTestId("share-poster").isVisible()).resolves.toBe(true)
    expect(await sharer.getByTestId("commission-empty").innerText()).toContain("还没有佣金记录")

    // A friend opens the link on a phone and registers: the referral is bound.
    const friendContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    })
    const friend = await friendContext.newPage()
    const sharePath = new URL(link).pathname
    await friend.goto(webUrl(sharePath), { waitUntil: "networkidle" })
    await friend.goto(webUrl("/account/sign-in"), { waitUntil: "networkidle" })
    expect(await friend.getByTestId("referral-notice").innerText()).toContain(sharePath.slice(3))
    const friendEmail = `friend-${run}@example.com`
    await register(friend, "李朋友", friendEmail)
    await friend.goto(webUrl("/account/affiliate"), { waitUntil: "networkidle" })
    expect(await friend.getByText("推荐人：张**").count()).toBe(1)

    // The friend buys a kit on the phone and pays with WeChat Pay H5 (the sandbox's page).
    await addProductToCart(friend, "tumor-risk-gene-test")
    await friend.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    const checkout = friend.getByTestId("checkout-form")
    expect(await checkout.getByLabel("邮箱（接收订单与报告通知）").inputValue()).toBe(friendEmail)
    await fillCheckoutAddress(checkout, {
      name: "李朋友",
      phone: "13800000002",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      address: "巴陵中路 88 号",
    })
    await checkout.getByRole("checkbox").check()
    await checkout.getByRole("button", { name: /提交订单并支付/ }).click()
    await friend.waitForURL(/\/pay\/PS/)
    await friend.locator("#confirm-pay").click()
    await friend.waitForURL(/\/checkout\/done\/order_/, { timeout: 60_000 })
    const orderId = new URL(friend.url()).pathname.split("/").pop()!

    // The friend finds the paid order in 我的账户; nobody else can open it.
    await friend.goto(webUrl("/account"), { waitUntil: "networkidle" })
    await friend.getByTestId("order-row").first().getByRole("link").click()
    await friend.getByTestId("member-order").waitFor()
    expect(await friend.getByTestId("order-state").innerText()).toBe("已付款")
    await sharer.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
    expect(await sharer.getByTestId("member-order").count()).toBe(0)
    expect(await sharer.locator("h1").innerText()).toBe("页面不存在")
    await sharer.goto(webUrl("/account/affiliate"), { waitUntil: "networkidle" })

    // The sharer's commission appears as pending.
    await sharer.reload({ waitUntil: "networkidle" })
    const pending = await waitForBalance(sharer, "balance-pending")
    expect(pending).not.toBe("¥0.00")
    expect(await sharer.getByTestId("affiliate-status").innerText()).toBe("分销商")
    expect(await sharer.getByTestId("commission-list").innerText()).toContain("1 级好友订单")
    await screenshot(sharer, "07-affiliate-pending")

    // Staff complete the order: the commission matures and can be withdrawn.
    const admin = await adminToken()
    await post(`/admin/orders/${orderId}/complete`, {}, { token: admin, admin: true })
    const available = await waitForBalance(sharer, "balance-available")
    expect(available).toBe(pending)
    expect(await balance(sharer, "balance-pending")).toBe("¥0.00")

    // The sharer spends ¥1.00 of it on a kit, paying the rest offline (岳阳).
    const buyer = sharer
    await addProductToCart(buyer, "sports-gene-test")
    await buyer.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    const order = buyer.getByTestId("checkout-form")
    await fillCheckoutAddress(order, {
      name: "林分享",
      phone: "13900003333",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      address: "洞庭南路 2 号",
    })
    const credit = order.getByTestId("store-credit")
    expect(await credit.innerText()).toContain(`可用 ${available}`)
    await credit.getByLabel(/使用余额抵扣/).check()
    await credit.getByLabel("抵扣金额（元）").fill("1")
    await order.getByLabel(/线下支付/).check()
    await order.getByLabel(/我已阅读并同意/).check()
    await order.getByRole("button", { name: /提交订单并支付/ }).click()
    await buyer.waitForURL(/\/checkout\/done\/order_/)
    expect(await buyer.getByTestId("order-store-credit").innerText()).toContain("-¥1.00")
    await screenshot(buyer, "08-store-credit-order")
    const afterSpend = yuan(available) - 1
    await sharer.goto(webUrl("/account/affiliate"), { waitUntil: "networkidle" })
    expect(await balance(sharer, "balance-available")).toBe(`¥${afterSpend.toFixed(2)}`)

    const form = sharer.getByTestId("withdrawal-form")
    await form.getByRole("button", { name: "申请提现" }).click()
    await sharer.getByText("提现申请已提交").waitFor()
    await sharer.reload({ waitUntil: "networkidle" })
    expect(await sharer.getByTestId("withdrawal-list").innerText()).toContain("待审核")

    // Finance approves and pays in the Medusa admin's 分销管理 page.
    const staff = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await signInToAdmin(staff, commerce())
    await staff.goto(`${commerce()}/app/affiliate`, { waitUntil: "networkidle" })
    await staff.getByText("提现审核（1）").waitFor()
    staff.on("dialog", (dialog) => dialog.accept("WX-TRANSFER-001"))
    await staff.getByRole("button", { name: "批准" }).click()
    await staff.getByText("已批准").first().waitFor()
    await staff.getByRole("button", { name: "标记已打款" }).click()
    await staff.getByText("已标记为已打款").waitFor()
    await staff.getByText("没有待处理的提现申请。").waitFor()
    await screenshot(staff, "09-admin-affiliate")
    const { withdrawals } = await call<{
      withdrawals: { payout_reference: string; amount: number }[]
    }>("/admin/affiliate/withdrawals?status=paid&limit=100", { token: admin, admin: true })
    // Other journeys' payouts may be in the list too (the mini-program's WeChat transfer).
    const paidByHand = withdrawals.filter((w) => w.payout_reference === "WX-TRANSFER-001")
    expect(paidByHand.map((w) => w.amount.toFixed(2))).toEqual([afterSpend.toFixed(2)])

    await sharer.reload({ waitUntil: "networkidle" })
    expect(await balance(sharer, "balance-withdrawn")).toBe(`¥${afterSpend.toFixed(2)}`)
    expect(await balance(sharer, "balance-available")).toBe("¥0.00")
    expect(await sharer.getByTestId("withdrawal-list").innerText()).toContain("已到账")
    await screenshot(sharer, "10-affiliate-paid")
    await friendContext.close()
  })
})
