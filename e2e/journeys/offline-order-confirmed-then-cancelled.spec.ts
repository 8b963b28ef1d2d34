import type { Browser } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { commerce } from "../support/commerce-api"
import { addProductToCart, placeOfflineOrder, registerOnWeb, signInToAdmin } from "../support/shop"

describe("an offline order in 岳阳: staff confirm the money, the member cancels and is refunded", () => {
  let browser: Browser
  const run = Date.now().toString(36)

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("待付款 → finance confirms receipt in the admin → 已付款 → member cancels → 已取消", async () => {
    const member = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await member.goto(webUrl("/account/sign-in?next=/account/orders"), {
      waitUntil: "networkidle",
    })
    await registerOnWeb(member, "孙线下", `offline-${run}@example.com`)

    // The member buys in 岳阳, choosing the district from the linked lists, and pays offline.
    await addProductToCart(member, "sports-gene-test")
    await member.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    const orderId = await placeOfflineOrder(member, {
      name: "孙线下",
      phone: "13800000011",
      province: "湖南省",
      city: "岳阳市",
      district: "君山区",
      address: "君山大道 11 号",
    })

    // 我的订单 → 待付款 holds it, with the transfer details one tap away.
    await member.goto(webUrl("/account/orders?tab=unpaid"), { waitUntil: "networkidle" })
    const unpaid = member.getByTestId("order-row")
    expect(await unpaid.count()).toBe(1)
    expect(await unpaid.getByTestId("order-state").innerText()).toBe("待付款")
    await member.goto(webUrl("/account/orders?tab=paid"), { waitUntil: "networkidle" })
    expect(await member.getByTestId("orders-empty").innerText()).toContain("没有已付款的订单")
    await screenshot(member, "13-orders-unpaid")

    // Finance checks the bank statement and confirms receipt on the order's admin page.
    const staff = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await signInToAdmin(staff, commerce())
    await staff.goto(`${commerce()}/app/orders/${orderId}`, { waitUntil: "networkidle" })
    const widget = staff.getByTestId("offline-payment")
    await widget.getByText("待确认收款").waitFor()
    await widget.getByRole("button", { name: "确认已收款" }).click()
    const prompt = staff.getByRole("alertdialog")
    expect(await prompt.innerText()).toContain("确认已收到线下付款？")
    await prompt.getByRole("button", { name: "确认已收款" }).click()
    await widget.getByText("已确认收款").waitFor()
    expect(await widget.getByRole("button", { name: "确认已收款" }).count()).toBe(0)
    await screenshot(staff, "14-admin-offline-confirmed")

    // The member sees it paid, and cancels before the kit ships: the money goes back.
    await member.goto(webUrl("/account/orders?tab=paid"), { waitUntil: "networkidle" })
    expect(await member.getByTestId("order-state").innerText()).toBe("已付款")
    await member.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
    const cancellation = member.getByTestId("order-cancellation")
    expect(await cancellation.innerText()).toContain("已支付的金额原路退回")
    member.once("dialog", (dialog) => dialog.accept())
    await cancellation.getByRole("button", { name: "取消订单" }).click()
    // The page shows the order cancelled and the money on its way back.
    await member.getByTestId("order-canceled").waitFor()
    expect(await member.getByTestId("order-canceled").innerText()).toBe(
      "订单已取消，已支付的金额将原路退回，通常 1–3 个工作日到账。"
    )

    await member.goto(webUrl("/account/orders?tab=canceled"), { waitUntil: "networkidle" })
    const canceled = member.getByTestId("order-row")
    expect(await canceled.count()).toBe(1)
    expect(await canceled.getByTestId("order-state").innerText()).toMatch(/^已取消/)
    await member.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
    expect(await member.getByTestId("order-cancellation").count()).toBe(0)
    await screenshot(member, "15-order-cancelled")
  })
})
