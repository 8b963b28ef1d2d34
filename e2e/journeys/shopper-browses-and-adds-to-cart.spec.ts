import { createHash } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"

/** The inline scripts of a page whose hash its policy does not name (none may be missing). */
function scriptsNotInPolicy(html: string, policy: string): string[] {
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? ""
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, body]) => body && !/\ssrc=/.test(` ${attributes}`))
    .map(([, , body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`)
    .filter((hash) => !scriptSrc.includes(hash))
}

describe("a shopper on a phone", () => {
  let browser: Browser
  let page: Page
  /** Scripts the browser refused under the pages' Content-Security-Policy. */
  const refused: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "zh-CN",
    })
    page = await context.newPage()
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
    })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it("gets the home and product pages from cache, with a policy naming each inline script", async () => {
    for (const path of ["/", "/products/tumor-risk-gene-test"]) {
      // The first visit may render the page; the next is served from Next's full-route cache.
      await page.request.get(webUrl(path))
      const response = await page.request.get(webUrl(path))
      const policy = response.headers()["content-security-policy"] ?? ""
      const served = {
        path,
        status: response.status(),
        cache: response.headers()["x-nextjs-cache"],
      }
      // STALE: served from cache while Next renders it again in the background (its data's
      // ten seconds have passed); a change in the admin expires it at once instead.
      expect(served).toEqual({ path, status: 200, cache: expect.stringMatching(/^(HIT|STALE)$/) })
      expect(policy).toContain("script-src 'self' 'sha256-")
      expect(policy).not.toMatch(/'nonce-|'strict-dynamic'|'unsafe-inline'[^;]*script/)
      expect(scriptsNotInPolicy(await response.text(), policy)).toEqual([])
    }
    // A page rendered for each visitor keeps its own nonce.
    const cart = await page.request.get(webUrl("/cart"))
    expect(cart.headers()["x-nextjs-cache"]).toBeUndefined()
    expect(cart.headers()["content-security-policy"]).toMatch(/'nonce-[^']+' 'strict-dynamic'/)
  })

  it("sees seeded gene tests with ¥ prices and Strapi articles on the home page", async () => {
    await page.goto(webUrl("/"), { waitUntil: "networkidle" })
    const cards = page.getByTestId("product-card")
    expect(await cards.count()).toBeGreaterThanOrEqual(4)
    const firstCard = await cards.first().innerText()
    expect(firstCard).toMatch(/¥\s?[\d,]+/)
    const articles = page.getByTestId("article-card")
    expect(await articles.count()).toBeGreaterThanOrEqual(1)
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN")
    await screenshot(page, "01-home")
  })

  it("opens a product, chooses a variant and adds it to the cart", async () => {
    await page.goto(webUrl("/products/tumor-risk-gene-test"), { waitUntil: "networkidle" })
    await expect(page.locator("h1").innerText()).resolves.toContain("肿瘤易感基因检测")
    await expect(page.getByTestId("price").innerText()).resolves.toMatch(/¥\s?1,999/)

    await page.getByRole("button", { name: "尊享版" }).first().click()
    await expect(page.getByTestId("price").innerText()).resolves.toMatch(/¥\s?3,999/)

    await page.getByTestId("add-to-cart").click()
    // The header's count is read by the browser: the product page came from cache.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cart-count"]')?.textContent?.trim() === "1",
      undefined,
      { timeout: 20_000 }
    )
    await page.goto(webUrl("/"), { waitUntil: "networkidle" })
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cart-count"]')?.textContent?.trim() === "1",
      undefined,
      { timeout: 20_000 }
    )
    await screenshot(page, "02-product-added")
  })

  it("finds the chosen kit in the cart", async () => {
    await page.goto(webUrl("/cart"), { waitUntil: "networkidle" })
    const lines = page.getByTestId("cart-line")
    expect(await lines.count()).toBe(1)
    const line = await lines.first().innerText()
    expect(line).toContain("肿瘤易感基因检测")
    expect(line).toContain("尊享版")
    expect(line).toMatch(/¥\s?3,999/)
    await screenshot(page, "03-cart")
  })

  it("reads an article written in Strapi", async () => {
    await page.goto(webUrl("/articles"), { waitUntil: "networkidle" })
    // A seeded article: other journeys publish newer, shorter ones that come first in the list.
    const seeded = page.getByTestId("article-card").last()
    const title = (await seeded.innerText()).split("\n")[0]
    await seeded.click()
    await page.waitForSelector('[data-testid="article-body"]')
    const body = await page.getByTestId("article-body").innerText()
    expect(body.length).toBeGreaterThan(50)
    expect(await page.locator("h1").innerText()).toContain(title.trim().slice(0, 4))
    await screenshot(page, "04-article")
  })

  it("lists the collection sites in 岳阳", async () => {
    await page.goto(webUrl("/sites"), { waitUntil: "networkidle" })
    const sites = page.getByTestId("site-card")
    expect(await sites.count()).toBeGreaterThanOrEqual(4)
    expect(await sites.first().innerText()).toContain("岳阳")
    await screenshot(page, "05-sites")
  })

  it("ran every page's scripts: the browser refused none under the pages' policies", () => {
    expect(refused).toEqual([])
  })
})
