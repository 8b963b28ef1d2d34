import { spawn, type ChildProcess } from "child_process"
import http from "http"
import type { AddressInfo } from "net"
import path from "path"
import type { Browser } from "playwright-core"
import { launchBrowser, screenshot } from "../support/browser"
import { placeOfflineOrder } from "../support/shop"

const repo = path.join(__dirname, "..", "..")

/**
 * A pass-through to the stack's CMS that can be switched off: its port then refuses
 * connections, as a stopped Strapi's would.
 */
async function switchableCms(target: string) {
  const upstream = new URL(target)
  const server = http.createServer((req, res) => {
    const forward = http.request(
      new URL(req.url ?? "/", upstream),
      { method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    forward.on("error", () => {
      res.statusCode = 502
      res.end()
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    off: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function freePort(): Promise<number> {
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Fetches a page of this web server: its status and HTML. */
async function page(base: string, pathname: string) {
  const response = await fetch(new URL(pathname, base))
  return { status: response.status, html: await response.text() }
}

/**
 * The storefront with the CMS gone: a second production web server (the stack's build)
 * reads the CMS through a switch, first on, then off, while commerce stays up.
 */
describe("a shopper while the CMS is down", () => {
  let cms: Awaited<ReturnType<typeof switchableCms>>
  let web: ChildProcess
  let base: string
  let browser: Browser
  let articlePath: string

  beforeAll(async () => {
    const commerceUrl = process.env.E2E_COMMERCE_URL
    const cmsUrl = process.env.E2E_CMS_URL
    const publishableKey = process.env.E2E_PUBLISHABLE_KEY
    if (!commerceUrl || !cmsUrl || !publishableKey) {
      throw new Error("E2E_COMMERCE_URL, E2E_CMS_URL and E2E_PUBLISHABLE_KEY are needed")
    }
    cms = await switchableCms(cmsUrl)
    const port = await freePort()
    base = `http://localhost:${port}`
    // The build the stack's own web runs (E2E_APP_ROOT), else this checkout's.
    const appRoot = process.env.E2E_APP_ROOT || repo
    web = spawn(path.join(appRoot, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
      cwd: path.join(appRoot, "storefront", "web"),
      env: {
        ...process.env,
        // The CMS token and shared secrets the stack generated for its own web server.
        ...JSON.parse(process.env.E2E_WEB_ENV || "{}"),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        MEDUSA_BACKEND_URL: commerceUrl,
        MEDUSA_PUBLISHABLE_KEY: publishableKey,
        CMS_URL: cms.url,
        CMS_PUBLIC_URL: cmsUrl,
      },
      detached: true,
      stdio: "ignore",
    })
    const deadline = Date.now() + 60_000
    for (;;) {
      const up = await fetch(base).then(
        (r) => r.status === 200,
        () => false
      )
      if (up) break
      if (Date.now() > deadline || web.exitCode !== null) {
        throw new Error(`the second web server did not start on ${base}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    if (web?.pid && web.exitCode === null) process.kill(-web.pid, "SIGTERM")
    await cms?.off().catch(() => undefined)
  })

  it("reads CMS content while the CMS is up", async () => {
    const home = await page(base, "/")
    expect(home.status).toBe(200)
    expect(home.html).toContain("最新健康资讯")
    const articles = await page(base, "/articles")
    expect(articles.status).toBe(200)
    expect(articles.html).toContain('data-testid="article-card"')
    articlePath = /href="(\/articles\/[^"?#]+)"/.exec(articles.html)![1]
    const article = await page(base, articlePath)
    expect(article.html).toContain('data-testid="article-body"')
  })

  it("keeps the last good content and says in Chinese what cannot be shown, never a 500", async () => {
    await cms.off()
    const home = await page(base, "/")
    expect(home.status).toBe(200)
    expect(home.html).toContain('lang="zh-CN"')
    expect(home.html).toContain('data-testid="product-card"')
    expect(home.html).toContain("最新健康资讯")
    expect(home.html).toContain('data-testid="article-card"')

    const articles = await page(base, "/articles")
    expect(articles.status).toBe(200)
    expect(articles.html).toContain('data-testid="article-card"')
    const article = await page(base, articlePath)
    expect(article.status).toBe(200)
    expect(article.html).toContain('data-testid="article-body"')

    // Pages this server never read from the CMS: a notice in place of the content.
    for (const [pathname, notice] of [
      ["/articles?category=never-read", "健康资讯暂时无法加载"],
      ["/sites", "采集点信息暂时无法加载"],
      ["/privacy", "隐私政策暂时无法加载"],
    ]) {
      const answer = await page(base, pathname)
      expect([pathname, answer.status]).toEqual([pathname, 200])
      expect(answer.html).toContain(notice)
      expect(answer.html).toContain("选购与下单不受影响")
    }

    const product = await page(base, "/products/tumor-risk-gene-test")
    expect(product.status).toBe(200)
    expect(product.html).toContain("肿瘤易感基因检测")
  })

  it("adds a kit to the cart and places an order", async () => {
    const shopper = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await shopper.goto(`${base}/products/sports-gene-test`, { waitUntil: "networkidle" })
    await shopper.getByTestId("add-to-cart").click()
    await shopper.waitForFunction(
      () => document.querySelector('[data-testid="cart-count"]')?.textContent?.trim() === "1",
      undefined,
      { timeout: 20_000 }
    )
    await shopper.goto(`${base}/cart`, { waitUntil: "networkidle" })
    expect(await shopper.getByTestId("cart-line").count()).toBe(1)
    await shopper.getByTestId("go-checkout").click()
    await shopper.waitForURL(/\/checkout$/)

    await placeOfflineOrder(
      shopper,
      {
        name: "孙小美",
        phone: "13900003333",
        province: "湖南省",
        city: "岳阳市",
        district: "岳阳楼区",
        address: "洞庭南路 1 号",
      },
      "no-cms-buyer@example.com"
    )
    expect(await shopper.locator("h1").innerText()).toBe("订单已提交，待付款")
    await screenshot(shopper, "20-order-without-cms")
  })
})
