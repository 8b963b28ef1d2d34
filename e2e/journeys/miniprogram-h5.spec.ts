import type { Browser, BrowserContext, Page } from "playwright-core"
import { launchBrowser, screenshot } from "../support/browser"
import { adminToken, call, eventually, post } from "../support/commerce-api"
import { placeOrderPaidOffline, registerByApi, signInWithWechat } from "../support/members"
import {
  fillByPlaceholder,
  miniprogramUrl,
  registerOnMiniprogram,
  shown,
} from "../support/miniprogram-h5"
import { actAsWechatBrowser, WECHAT_USER_AGENT } from "../support/wechat-client"

const yuan = (shown: string) => Number(shown.replace(/[¥,]/g, ""))

/** The member's bearer token, as the H5 build keeps it (Taro storage: { data } in localStorage). */
const tokenOf = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem("health.token") ?? ""
    try {
      return (JSON.parse(raw) as { data?: string }).data ?? raw
    } catch {
      return raw
    }
  })
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

describe("the mini-program's H5 build in Chromium", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const run = Date.now().toString(36)
  const newPage = async () => {
    const context = await browser.newContext(phone)
    contexts.push(context)
    const page = await context.newPage()
    page.on("pageerror", (error) => console.error("[h5 page error]", error.message))
    return page
  }

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
  })

  it("browses a category, adds a kit to the cart, signs up, checks out to the WeChat Pay step and pays", async () => {
    const page = await newPage()
    await page.goto(miniprogramUrl("/pages/index/index"))
    await shown(page, "product-card").first().waitFor({ timeout: 30_000 })
    await screenshot(page, "mp-01-home")

    // 分类: pick a category, then a product from its list.
    await page.goto(miniprogramUrl("/pages/products/index"))
    await shown(page, "category-chip").first().click()
    const card = shown(page, "product-card").first()
    await card.waitFor()
    const title = (await card.locator(".product-card__title").innerText()).trim()
    await card.click()
    await shown(page, "product-title").waitFor()
    expect((await shown(page, "product-title").innerText()).trim()).toBe(title)
    const price = await shown(page, "product-price").innerText()
    expect(price).toMatch(/^¥[\d,]+\.\d{2}$/)

    await shown(page, "add-to-cart").click()
    await shown(page, "add-notice").getByText("已加入购物车").waitFor()
    await screenshot(page, "mp-02-added")

    await page.goto(miniprogramUrl("/pages/cart/index"))
    await shown(page, "cart-line").first().waitFor()
    expect(await shown(page, "cart-subtotal").innerText()).toBe(price)

    // A visitor signs in first; the cart comes along to checkout.
    await shown(page, "go-checkout").click()
    await shown(page, "login").waitFor()
    await registerOnMiniprogram(page, `mp-buyer-${run}@example.com`)
    await shown(page, "checkout-form").waitFor({ timeout: 20_000 })
    // The member's default address (saved earlier, here through the API): the picker's wheels
    // only turn by touch, so the journey starts from it as a returning member would.
    await post(
      "/store/customers/me/addresses",
      {
        last_name: "孙",
        first_name: "小程",
        phone: "13900003333",
        province: "湖南省",
        city: "岳阳市",
        address_2: "岳阳楼区",
        address_1: "洞庭南路 2 号",
        country_code: "cn",
        is_default_shipping: true,
      },
      { token: await tokenOf(page) }
    )
    await page.reload()
    await shown(page, "checkout-form").waitFor({ timeout: 20_000 })
    expect(await shown(page, "region-value").innerText()).toBe("湖南省 岳阳市 岳阳楼区")
    await fillByPlaceholder(page, "邮箱", `mp-buyer-${run}@example.com`)
    await shown(page, "collection-method-mail").click()
    expect(await shown(page, "summary-subtotal").innerText()).toBe(price)

    await shown(page, "submit-order").click()
    await shown(page, "checkout-error").getByText("请阅读并同意").waitFor()
    await shown(page, "consent").click()
    await shown(page, "submit-order").click()
    await shown(page, "payment-step").waitFor({ timeout: 30_000 })
    const amount = await shown(page, "pay-amount").innerText()
    expect(amount).toMatch(/^¥[\d,]+\.\d{2}$/)
    // The H5 channel: WeChat Pay's page for mobile browsers, from the sandbox under test.
    expect(await shown(page, "h5-pay-url").innerText()).toMatch(/^https?:\/\//)
    await screenshot(page, "mp-03-pay-step")

    // Not paid yet: completing says so and keeps the cart.
    await shown(page, "pay").click()
    await shown(page, "checkout-error").getByText("尚未收到微信支付结果").waitFor()

    // WeChat's H5 page (the sandbox's) takes the payment; then the order is there.
    const payPage = await browser.newPage()
    await payPage.goto(await shown(page, "h5-pay-url").innerText())
    expect(yuan(await payPage.locator(".amount").innerText())).toBe(yuan(amount))
    await payPage.locator("#confirm-pay").click()
    await payPage.locator("#pay-result").waitFor()
    await payPage.close()
    await eventually(
      async () => {
        await shown(page, "pay").click()
        return page.waitForURL(/\/packages\/shop\/orders\//, { timeout: 3000 }).then(
          () => true,
          () => false
        )
      },
      (done) => done
    )
    await shown(page, "order").first().waitFor({ timeout: 20_000 })
    expect(await shown(page, "order").first().innerText()).toContain(amount)
    await screenshot(page, "mp-04-order")
  })

  it("opens the affiliate centre, and a friend who opens the shared link and signs up is bound", async () => {
    const sharer = await newPage()
    await sharer.goto(miniprogramUrl("/pages/login/index"))
    await registerOnMiniprogram(sharer, `mp-sharer-${run}@example.com`)
    await shown(sharer, "account").waitFor()
    await shown(sharer, "account").getByText("分销中心").click()
    const codeCell = shown(sharer, "share-code")
    await codeCell.waitFor({ timeout: 20_000 })
    const code = (await codeCell.innerText()).trim()
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4,12}$/)
    expect(await shown(sharer, "share-link").innerText()).toContain(`/r/${code}`)
    await screenshot(sharer, "mp-05-affiliate-centre")

    await shown(sharer, "open-poster").click()
    await shown(sharer, "poster-ready").getByText(code).waitFor({ timeout: 20_000 })
    await shown(sharer, "poster-image").waitFor()
    await screenshot(sharer, "mp-06-poster")

    // The friend opens what a shared card opens (?ref=<code>) and signs up.
    const friend = await newPage()
    await friend.goto(miniprogramUrl(`/pages/index/index?ref=${code}`))
    await shown(friend, "home").waitFor()
    await friend.goto(miniprogramUrl("/pages/login/index"))
    await registerOnMiniprogram(friend, `mp-friend-${run}@example.com`)

    // The friend's account now names the sharer as referrer; the sharer's team has them.
    const token = await tokenOf(friend)
    const { affiliate } = await eventually(
      () => call<{ affiliate: { referrer: string | null } }>("/store/affiliate/me", { token }),
      (answer) => !!answer.affiliate.referrer
    )
    // Bound, and shown masked (the sharer's name with asterisks).
    expect(affiliate.referrer).toMatch(/\*/)
    // A fresh load: the router would otherwise show the centre it still holds.
    await sharer.goto(miniprogramUrl("/packages/affiliate/center/index"))
    await sharer.reload()
    await shown(sharer, "team-level").first().waitFor({ timeout: 20_000 })
    expect(await shown(sharer, "team-level").first().innerText()).toContain("1 人")
  })

  it("withdraws a commission to WeChat: requested in 提现, paid by finance, 确认收款 in WeChat", async () => {
    // A WeChat member's share code, and a friend who bought through it; staff complete it.
    const sharerToken = await signInWithWechat(`mp-payout-${run}`)
    const me = () =>
      call<{ affiliate: { code: string; balances: { available: number } } }>(
        "/store/affiliate/me",
        { token: sharerToken }
      ).then(({ affiliate }) => affiliate)
    const friendToken = await registerByApi(`mp-payout-friend-${run}@example.com`, "朋友")
    await post("/store/affiliate/bind", { code: (await me()).code }, { token: friendToken })
    const admin = { token: await adminToken(), admin: true }
    const orderId = await placeOrderPaidOffline(friendToken, "tumor-risk-gene-test", admin.token)
    await post(`/admin/orders/${orderId}/complete`, {}, admin)
    const { balances } = await eventually(me, (affiliate) => affiliate.balances.available > 0)
    // The store API answers amounts in yuan (CNY).
    const amount = balances.available.toFixed(2)

    // The sharer opens the mini-program's H5 build in WeChat, signed in.
    const context = await browser.newContext({ ...phone, userAgent: WECHAT_USER_AGENT })
    contexts.push(context)
    await actAsWechatBrowser(context)
    await context.addInitScript((token) => {
      localStorage.setItem("health.token", JSON.stringify({ data: token }))
    }, sharerToken)
    const page = await context.newPage()
    page.on("pageerror", (error) => console.error("[h5 page error]", error.message))
    await page.goto(miniprogramUrl("/packages/affiliate/center/index"))
    await shown(page, "open-withdraw").click()
    await shown(page, "withdrawal-form").waitFor({ timeout: 20_000 })
    await shown(page, "withdrawal-amount").locator("input").fill(amount)
    await shown(page, "withdrawal-method-wechat").click()
    await shown(page, "withdrawal-submit").click()
    // Whichever the form says, so a refusal fails the journey with its own words.
    const answer = shown(page, "withdrawal-notice").or(shown(page, "withdrawal-error"))
    await answer.waitFor()
    expect(await answer.innerText()).toBe("提现申请已提交，审核通过后打款")
    const list = shown(page, "withdrawal-list")
    await list.getByText("待审核").waitFor()
    expect(await list.innerText()).toContain(`¥${amount}`)

    // Finance approves it and pays by 商家转账: WeChat waits for the member to confirm.
    const { withdrawals } = await call<{ withdrawals: { id: string; status: string }[] }>(
      "/store/affiliate/withdrawals",
      { token: sharerToken }
    )
    expect(withdrawals.map((w) => w.status)).toEqual(["requested"])
    const [withdrawal] = withdrawals
    await post(`/admin/affiliate/withdrawals/${withdrawal.id}/approve`, {}, admin)
    await post("/admin/affiliate/wechat-transfers", { withdrawal_id: withdrawal.id }, admin)

    await page.reload()
    const confirm = shown(page, "confirm-receipt")
    await confirm.waitFor({ timeout: 20_000 })
    await list.getByText("待确认收款").waitFor()
    await screenshot(page, "mp-08-confirm-receipt")
    // WeChat's 确认收款 page (the sandbox checks merchant, AppID and package), then its callback.
    await confirm.click()
    await shown(page, "withdraw-notice")
      .getByText("提现已到账，请在微信零钱中查看")
      .waitFor({ timeout: 45_000 })
    await list.getByText("已到账").waitFor()
    const paid = await call<{ withdrawals: { id: string; status: string }[] }>(
      "/store/affiliate/withdrawals",
      { token: sharerToken }
    )
    expect(paid.withdrawals.map((w) => [w.id, w.status])).toEqual([[withdrawal.id, "paid"]])
    expect((await me()).balances.available).toBe(0)
    await screenshot(page, "mp-09-receipt-confirmed")
  })

  it("opens every member page against the real back ends with content or an empty state", async () => {
    const page = await newPage()
    const errors: string[] = []
    page.on("pageerror", (error) => errors.push(error.message))
    await page.goto(miniprogramUrl("/pages/login/index"))
    await registerOnMiniprogram(page, `mp-member-${run}@example.com`)
    const expectations: [string, string, string][] = [
      ["orders", "/packages/shop/orders/index", "暂无订单"],
      ["reports", "/packages/health/reports/index", "暂无检测盒"],
      ["kit-activate", "/packages/health/activate/index", "基因检测知情同意（必选）"],
      ["appointments", "/packages/health/appointments/index", "预约采样"],
      ["constitution-test", "/packages/health/constitution/index", "请选择性别"],
      ["articles", "/packages/content/articles/index", "年"],
      ["sites", "/packages/content/sites/index", "查看地图"],
      ["inbox", "/packages/member/inbox/index", "消息设置"],
      ["profile", "/packages/member/profile/index", "绑定手机号"],
    ]
    for (const [testId, path, text] of expectations) {
      await page.goto(miniprogramUrl(path))
      await page.reload()
      await shown(page, testId).getByText(text).first().waitFor({ timeout: 20_000 })
      expect(await shown(page, "state-error").count()).toBe(0)
    }
    await screenshot(page, "mp-07-profile")
    expect(errors).toEqual([])
  })
})
