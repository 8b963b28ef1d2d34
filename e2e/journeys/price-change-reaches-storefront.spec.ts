import type { Browser, BrowserContext, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { adminToken, call, post } from "../support/commerce-api"
import { miniprogramUrl, shown } from "../support/miniprogram-h5"
import { registerOnWeb } from "../support/shop"

const HANDLE = "sports-gene-test"
/** The variant a product page opens on, and the cheapest: it sets the 起 price of cards too. */
const VARIANT = "标准版 / 单人装"
/** How soon after the admin's save every surface must show the price. */
const WITHIN_MS = 1000

type AdminProduct = {
  id: string
  variants: {
    id: string
    title: string
    prices: { id: string; currency_code: string; amount: number }[]
  }[]
}

/** The price where each surface shows it, as the shopper reads it. */
type Surfaces = {
  product: string
  list: string
  home: string
  /** The share poster drawn for the product, straight from its route. */
  poster: string
  /** 分销中心: the price its poster is shown with, and what the picture it links prints. */
  centre: string
  centreDrawn: string
  miniprogram: string
}

type Tabs = Record<"product" | "list" | "home" | "centre" | "mini", Page>

/** Every poster URL 分销中心 showed: one per price, so no browser shows a kept old picture. */
const posterSources = new Set<string>()

const cardPrice = (page: Page) =>
  page.locator(`a[href="/products/${HANDLE}"][data-testid="product-card"] .price`).innerText()

async function drawnPrice(page: Page, src: string): Promise<string> {
  const response = await page.request.get(webUrl(src))
  expect(response.status()).toBe(200)
  expect(response.headers()["content-type"]).toBe("image/png")
  return decodeURIComponent(response.headers()["x-poster-price"] ?? "(no price header)")
}

async function readSurfaces(pages: Tabs): Promise<Surfaces> {
  // Every surface at once, so each is read as soon after the save as the others.
  const [product, list, home, poster, centre, miniprogram] = await Promise.all([
    pages.product
      .goto(webUrl(`/products/${HANDLE}`), { waitUntil: "domcontentloaded" })
      .then(() => pages.product.getByTestId("price").innerText()),
    pages.list
      .goto(webUrl("/products"), { waitUntil: "domcontentloaded" })
      .then(() => cardPrice(pages.list)),
    pages.home
      .goto(webUrl("/"), { waitUntil: "domcontentloaded" })
      .then(() => cardPrice(pages.home)),
    drawnPrice(pages.product, `/api/affiliate/poster?product=${HANDLE}`),
    pages.centre
      .goto(webUrl(`/account/affiliate?poster=${HANDLE}`), { waitUntil: "domcontentloaded" })
      .then(async () => {
        const img = pages.centre.getByTestId("share-poster")
        const src = (await img.getAttribute("src")) ?? ""
        posterSources.add(src)
        return {
          shown: (await img.getAttribute("data-price")) ?? "(no price on the page)",
          drawn: await drawnPrice(pages.centre, src),
        }
      }),
    pages.mini
      .goto(miniprogramUrl(`/pages/product/index?handle=${HANDLE}`))
      .then(() => pages.mini.reload())
      .then(() => shown(pages.mini, "product-price").innerText()),
  ])
  const squash = (text: string) => text.replace(/\s+/g, " ").trim()
  return {
    product: squash(product),
    list: squash(list),
    home: squash(home),
    poster: squash(poster),
    centre: squash(centre.shown),
    centreDrawn: squash(centre.drawn),
    miniprogram: squash(miniprogram),
  }
}

/** What every surface shows for a lowest (and opening) price of `yuan`. */
function everywhere(yuan: string): Surfaces {
  return {
    product: `¥${yuan}`,
    list: `¥${yuan} 起`,
    home: `¥${yuan} 起`,
    poster: `¥${yuan} 起`,
    centre: `¥${yuan} 起`,
    centreDrawn: `¥${yuan} 起`,
    miniprogram: `¥${yuan}`,
  }
}

describe("operations staff change a price", () => {
  let browser: Browser
  let shopper: BrowserContext
  let pages: Tabs
  let token: string
  let product: AdminProduct
  let original: number
  const run = Date.now().toString(36)

  beforeAll(async () => {
    browser = await launchBrowser()
    token = await adminToken()
    ;({
      products: [product],
    } = await call<{ products: AdminProduct[] }>(
      `/admin/products?handle=${HANDLE}&fields=id,*variants,*variants.prices`,
      { token, admin: true }
    ))
    const variant = product.variants.find((v) => v.title === VARIANT)!
    original = variant.prices.find((p) => p.currency_code === "cny")!.amount
  })
  afterAll(async () => {
    // Later journeys buy this product at its seeded price.
    if (product && original) await setPrice(original).catch(() => undefined)
    await browser?.close()
  })

  async function setPrice(amount: number) {
    const variant = product.variants.find((v) => v.title === VARIANT)!
    const price = variant.prices.find((p) => p.currency_code === "cny")!
    await post(
      `/admin/products/${product.id}/variants/${variant.id}`,
      { prices: [{ id: price.id, currency_code: "cny", amount }] },
      { token, admin: true }
    )
  }

  it("and every page, card and share poster shows the change and its reversal within a second", async () => {
    // A distributor (every member is one) with the shop open in several tabs.
    shopper = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const signIn = await shopper.newPage()
    await signIn.goto(webUrl("/account/sign-in?next=/account/affiliate"), {
      waitUntil: "networkidle",
    })
    await registerOnWeb(signIn, "价分享", `price-${run}@example.com`)
    pages = {
      product: signIn,
      list: await shopper.newPage(),
      home: await shopper.newPage(),
      centre: await shopper.newPage(),
      mini: await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage(),
    }

    // Every surface has read (and so cached) the seeded price first.
    const seeded = original.toFixed(2)
    expect(await readSurfaces(pages)).toEqual(everywhere(seeded))

    // An intermediate price (as in the report: ¥1,499.37 起 on a stale poster), then back.
    for (const amount of [499.37, original]) {
      await setPrice(amount)
      await new Promise((resolve) => setTimeout(resolve, WITHIN_MS))
      expect(await readSurfaces(pages)).toEqual(everywhere(amount.toFixed(2)))
    }
    // Seeded, intermediate, restored: the restored price's poster has the seeded one's URL.
    expect(posterSources.size).toBe(2)
    await screenshot(pages.centre, "06-price-restored-poster")
  })

  it("serves the favicon and app icons every page asks for", async () => {
    const context = await browser.newContext()
    for (const path of [
      "/favicon.ico",
      "/icon.svg",
      "/icon1.png",
      "/icon2.png",
      "/apple-icon.png",
    ]) {
      const response = await context.request.get(webUrl(path))
      expect({ path, status: response.status() }).toEqual({ path, status: 200 })
      expect(response.headers()["content-type"]).toMatch(/^image\//)
      expect((await response.body()).length).toBeGreaterThan(100)
    }
    const page = await context.newPage()
    await page.goto(webUrl("/"), { waitUntil: "domcontentloaded" })
    const icons = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))
    expect(icons.some((href) => href.startsWith("/favicon.ico"))).toBe(true)
    expect(icons.some((href) => href.startsWith("/apple-icon"))).toBe(true)
    await context.close()
  })
})
