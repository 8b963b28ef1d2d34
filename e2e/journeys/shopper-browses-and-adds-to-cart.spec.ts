import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"

describe("a shopper on a phone", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "zh-CN",
    })
    page = await context.newPage()
  })

  afterAll(async () => {
    await browser?.close()
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
})
