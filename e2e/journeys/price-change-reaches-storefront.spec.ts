import type { Browser } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"

const commerce = () => process.env.E2E_COMMERCE_URL || "http://localhost:9000"

async function adminToken(): Promise<string> {
  const response = await fetch(`${commerce()}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@health.local", password: "Admin12345" }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

describe("operations staff change a price", () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("and shoppers see the new price within seconds, although catalog pages are cached", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const productUrl = webUrl("/products/sports-gene-test")
    await page.goto(productUrl, { waitUntil: "networkidle" })
    expect(await page.getByTestId("price").innerText()).toBe("¥599.00")

    const token = await adminToken()
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" }
    const found = await fetch(
      `${commerce()}/admin/products?handle=sports-gene-test&fields=id,*variants,*variants.prices`,
      {
        headers: auth,
      }
    )
    const {
      products: [product],
    } = (await found.json()) as {
      products: {
        id: string
        variants: {
          id: string
          title: string
          prices: { id: string; currency_code: string; amount: number }[]
        }[]
      }[]
    }
    const variant = product.variants.find((v) => v.title === "标准版 / 单人装")!
    const price = variant.prices.find((p) => p.currency_code === "cny")!
    const updated = await fetch(
      `${commerce()}/admin/products/${product.id}/variants/${variant.id}`,
      {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ prices: [{ id: price.id, currency_code: "cny", amount: 629 }] }),
      }
    )
    expect(updated.status).toBe(200)

    const deadline = Date.now() + 20_000
    let shown = ""
    while (Date.now() < deadline) {
      await page.goto(productUrl, { waitUntil: "networkidle" })
      shown = await page.getByTestId("price").innerText()
      if (shown === "¥629.00") break
      await page.waitForTimeout(1000)
    }
    expect(shown).toBe("¥629.00")
    await screenshot(page, "06-price-updated")
  })
})
