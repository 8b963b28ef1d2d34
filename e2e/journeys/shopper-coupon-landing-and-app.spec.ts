import type { Browser, BrowserContext } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { adminToken, call, eventually, post } from "../support/commerce-api"
import { registerByApi, signInWithWechat } from "../support/members"
import { miniprogramUrl, shown } from "../support/miniprogram-h5"

const cms = () => process.env.E2E_CMS_URL || "http://localhost:1337"
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/**
 * 内容审核 (the seeded Strapi editor) builds a 专题页 from sections and publishes it, as the
 * content manager's 发布 does (its admin API). Answers the published page.
 */
async function publishLandingPage(page: Record<string, unknown>) {
  const signIn = await fetch(`${cms()}/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "editor@health.local", password: "Editor12345" }),
  })
  if (!signIn.ok) throw new Error(`CMS sign-in → ${signIn.status}: ${await signIn.text()}`)
  const { data } = (await signIn.json()) as { data: { token: string } }
  const published = await fetch(
    `${cms()}/content-manager/collection-types/api::landing-page.landing-page/actions/publish`,
    {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${data.token}` },
      body: JSON.stringify(page),
    }
  )
  const text = await published.text()
  if (!published.ok) throw new Error(`publishing the landing page → ${published.status}: ${text}`)
  return (JSON.parse(text) as { data: { documentId: string; publishedAt: string | null } }).data
}

describe("marketing on both storefronts and the web as an app", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const run = Date.now().toString(36)
  const newContext = async (options = phone) => {
    const context = await browser.newContext(options)
    contexts.push(context)
    return context
  }

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
  })

  it("a shopper applies a coupon in the mini-program's checkout, after a code that does not apply", async () => {
    // 运营 make the coupon in Medusa's promotions: ¥30 off any order (yuan, as Medusa keeps it).
    const code = `E2E30${run.toUpperCase()}`
    await post(
      "/admin/promotions",
      {
        code,
        type: "standard",
        status: "active",
        is_automatic: false,
        application_method: {
          type: "fixed",
          target_type: "order",
          allocation: "across",
          value: 30,
          currency_code: "cny",
        },
      },
      { token: await adminToken(), admin: true }
    )

    const context = await newContext()
    await context.addInitScript(
      (token) => {
        localStorage.setItem("health.token", JSON.stringify({ data: token }))
      },
      await signInWithWechat(`coupon-${run}`)
    )
    const page = await context.newPage()
    page.on("pageerror", (error) => console.error("[h5 page error]", error.message))
    await page.goto(miniprogramUrl("/pages/products/index"))
    await shown(page, "category-chip").first().click()
    await shown(page, "product-card").first().click()
    await shown(page, "add-to-cart").click()
    await shown(page, "add-notice").getByText("已加入购物车").waitFor()
    await page.goto(miniprogramUrl("/pages/cart/index"))
    await shown(page, "go-checkout").click()
    await shown(page, "checkout-form").waitFor({ timeout: 20_000 })

    // Within the checkout page: while Taro's H5 router slides it in, the cart page (with its own
    // coupon field) is still visible beside it.
    const checkout = shown(page, "checkout")
    const inCheckout = (testId: string) => checkout.getByTestId(testId).filter({ visible: true })
    const field = inCheckout("promotion-code")
    await field.locator("input").fill("NO-SUCH-CODE")
    await inCheckout("promotion-apply").click()
    await inCheckout("promotion-error").waitFor()
    expect(await inCheckout("promotion-error").innerText()).toMatch(/[\u4e00-\u9fa5]/)
    expect(await inCheckout("summary-discount").count()).toBe(0)

    await field.locator("input").fill(code)
    await inCheckout("promotion-apply").click()
    await inCheckout("promotion-applied").getByText(`已使用 ${code}`).waitFor()
    const discount = await inCheckout("summary-discount").innerText()
    expect(discount).toContain(code)
    expect(discount).toContain("-¥30.00")
    await screenshot(page, "70-mini-coupon-applied")
  })

  it("an editor builds a landing page in the CMS that the web and the mini-program both serve", async () => {
    const slug = `e2e-landing-${run}`
    const heroTitle = `秋冬养生专题 ${run}`
    const published = await publishLandingPage({
      title: `秋冬养生 ${run}`,
      slug,
      seo_description: "秋冬体质调养与基因检测专题",
      publish_to_microsite: true,
      sections: [
        {
          __component: "landing.hero",
          title: heroTitle,
          subtitle: "体质辨识 · 基因检测 · 专家义诊",
          cta_text: "立即测体质",
          cta_link: "/constitution/test",
        },
        {
          __component: "landing.product-list",
          heading: "推荐检测",
          handles: "tumor-risk-gene-test",
        },
        { __component: "landing.rich-text", body: "**气虚质**的朋友秋冬宜*温补*。" },
        {
          __component: "landing.call-to-action",
          text: "预约义诊",
          link: "/account/appointments/book",
          style: "primary",
        },
      ],
    })
    expect(published.publishedAt).toEqual(expect.any(String))

    const web = await (await newContext()).newPage()
    await web.goto(webUrl(`/landing/${slug}`), { waitUntil: "networkidle" })
    await web.getByTestId("landing-page").waitFor()
    expect(await web.getByTestId("landing-hero").innerText()).toContain(heroTitle)
    expect(await web.getByTestId("landing-products").innerText()).toContain("推荐检测")
    expect(await web.getByTestId("landing-rich-text").locator("strong").innerText()).toBe("气虚质")
    expect(await web.getByTestId("landing-cta").innerText()).toContain("预约义诊")
    await screenshot(web, "71-web-landing")

    const mini = await (await newContext()).newPage()
    await mini.goto(miniprogramUrl(`/packages/landing/index?slug=${slug}`))
    await shown(mini, "landing-hero").getByText(heroTitle).waitFor({ timeout: 20_000 })
    expect(await shown(mini, "landing-products").innerText()).toContain("推荐检测")
    expect(await shown(mini, "landing-cta").innerText()).toContain("预约义诊")
    await screenshot(mini, "72-mini-landing")
  })

  it("the web installs as an app, and the member's 消息中心 opens offline", async () => {
    const email = `app-${run}@example.com`
    const memberToken = await registerByApi(email, "离线")
    const { customer } = await call<{ customer: { id: string } }>("/store/customers/me", {
      token: memberToken,
    })
    const title = `离线可读的消息 ${run}`
    await post(
      "/admin/marketing-pushes",
      {
        content_type: "custom",
        title,
        body: "断网时也能在消息中心查看。",
        audience: { customer_ids: [customer.id] },
        channels: ["inbox"],
      },
      { token: await adminToken(), admin: true }
    )

    const context = await newContext()
    const page = await context.newPage()
    await page.goto(webUrl("/"), { waitUntil: "networkidle" })
    // Installable: a linked manifest with a name, standalone display and icons, and a worker.
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href")
    const manifest = await (await page.request.get(webUrl(manifestHref!))).json()
    expect(manifest).toMatchObject({ display: "standalone", start_url: "/", lang: "zh-CN" })
    expect(manifest.name).toBeTruthy()
    expect((manifest.icons as { sizes: string }[]).map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"])
    )
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      return registration.active?.scriptURL ?? null
    })
    expect(worker).toBe(webUrl("/sw.js"))

    await page.goto(
      webUrl(`/account/sign-in?tab=password&next=${encodeURIComponent("/account/inbox")}`),
      { waitUntil: "networkidle" }
    )
    const signIn = page.getByTestId("password-sign-in")
    await signIn.getByLabel("邮箱").fill(email)
    await signIn.getByLabel("密码").fill("Secret12345")
    await signIn.getByRole("button", { name: "登录" }).click()
    await page.waitForURL((url) => url.pathname === "/account/inbox")
    await page.getByTestId("inbox-message").filter({ hasText: title }).waitFor()
    // The worker keeps the page in this member's own cache.
    await eventually(
      () =>
        page.evaluate(async () => {
          for (const name of await caches.keys()) {
            if (!name.startsWith("health-member-")) continue
            if (await (await caches.open(name)).match("/account/inbox")) return true
          }
          return false
        }),
      (kept) => kept
    )

    await context.setOffline(true)
    await page.reload()
    await page.getByTestId("inbox-message").filter({ hasText: title }).waitFor()
    await screenshot(page, "73-inbox-offline")
    // Any other page is the app's 当前离线 page, not the browser's error.
    await page.goto(webUrl("/products"))
    await page.getByText("当前离线").first().waitFor()
    await context.setOffline(false)
  })
})
