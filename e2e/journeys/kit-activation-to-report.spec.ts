import type { Browser } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { adminToken, call, commerce, eventually, post } from "../support/commerce-api"
import { labReport } from "../support/lab"
import { addProductToCart, placeOfflineOrder, registerOnWeb } from "../support/shop"

type AdminKit = { id: string; barcode: string | null; status: string; order_id: string }

describe("a kit from purchase to an opened report", () => {
  let browser: Browser
  const run = Date.now().toString(36)

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("buy → kit shipped → member activates with consent → lab uploads → member opens the report", async () => {
    const member = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await member.goto(webUrl("/account/sign-in?next=/account/health"), { waitUntil: "networkidle" })
    await registerOnWeb(member, "周检测", `kit-${run}@example.com`)
    await member.goto(webUrl("/account/health"), { waitUntil: "networkidle" })
    expect(await member.getByTestId("kit-card").count()).toBe(0)

    // The member buys a kit in 岳阳 and pays offline; the order holds one kit.
    await addProductToCart(member, "tumor-risk-gene-test")
    await member.goto(webUrl("/checkout"), { waitUntil: "networkidle" })
    const orderId = await placeOfflineOrder(member, {
      name: "周检测",
      phone: "13800000009",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      address: "巴陵中路 9 号",
    })

    // Finance confirms the payment, then lab staff ship it: the kit gets its barcode and
    // tracking number.
    const admin = await adminToken()
    const {
      order: { display_id, payment_collections },
    } = await call<{
      order: { display_id: number; payment_collections: { payments: { id: string }[] }[] }
    }>(`/admin/orders/${orderId}?fields=display_id,payment_collections.payments.id`, {
      token: admin,
      admin: true,
    })
    await post(
      `/admin/payments/${payment_collections[0].payments[0].id}/capture`,
      {},
      { token: admin, admin: true }
    )
    const kit = await eventually(
      async () =>
        (
          await call<{ kits: AdminKit[] }>(`/admin/health-archive/kits?q=${display_id}`, {
            token: admin,
            admin: true,
          })
        ).kits.find((k) => k.order_id === orderId),
      (found) => !!found
    )
    const { kit: shipped } = await post<{ kit: AdminKit }>(
      `/admin/health-archive/kits/${kit!.id}/ship`,
      { carrier: "顺丰", tracking_number: `SF${run}` },
      { token: admin, admin: true }
    )
    const barcode = shipped.barcode!

    // 我的订单 shows the kit as 未使用 until it is activated.
    await member.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
    expect(await member.getByTestId("kit-usage").innerText()).toBe("未使用")

    // The member activates it: a typo is caught while typing, consent texts come from the CMS.
    await member.goto(webUrl("/account/health"), { waitUntil: "networkidle" })
    const card = member.getByTestId("kit-card").first()
    expect(await card.innerText()).toContain("已寄出")
    await card.getByRole("link", { name: /激活/ }).click()
    await member.getByTestId("activation-form").waitFor()
    const form = member.getByTestId("activation-form")
    const typo = barcode.slice(0, -1) + ((Number(barcode.at(-1)) + 1) % 10)
    await form.getByLabel("采样盒条码").fill(typo)
    await member
      .locator("#barcode-check")
      .filter({ hasText: /核对|校验|不正确/ })
      .waitFor()
    await form.getByLabel("采样盒条码").fill(barcode)
    await form.getByLabel("与您的关系").selectOption("self")
    await form.getByLabel("姓名").fill("周检测")
    await form.getByLabel("男").check()
    await form.getByLabel("出生日期").fill("1988-06-18")
    expect(await member.getByTestId("consent-testing").innerText()).toMatch(/版本/)
    await member.getByTestId("consent-testing").getByRole("checkbox").check()
    await member.getByTestId("consent-storage").getByRole("checkbox").check()
    await screenshot(member, "10-kit-activation")
    await form.getByRole("button", { name: "激活采样盒" }).click()
    await member.waitForURL(/\/account\/health\/kits\/kit_/)
    const detail = member.getByTestId("kit-detail")
    expect(await detail.innerText()).toContain("已激活")
    expect(await member.getByTestId("kit-person").innerText()).toContain("周检测")

    await member.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
    expect(await member.getByTestId("kit-usage").innerText()).toBe("已使用")
    await member.goBack({ waitUntil: "networkidle" })

    // The lab receives the sample and uploads the day's reports in one go.
    await post(`/admin/health-archive/kits/${kit!.id}/receive`, {}, { token: admin, admin: true })
    const form_ = new FormData()
    form_.append("files", new Blob([new Uint8Array(await labReport(barcode))]), `${barcode}.pdf`)
    const upload = await fetch(`${commerce()}/admin/health-archive/report-batches`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}` },
      body: form_,
    })
    expect(upload.status).toBe(202)
    const { batch } = (await upload.json()) as { batch: { id: string } }
    const done = await eventually(
      () =>
        call<{ batch: { status: string; counts: { done: number } } }>(
          `/admin/health-archive/report-batches/${batch.id}`,
          { token: admin, admin: true }
        ),
      (answer) => answer.batch.status === "done"
    )
    expect(done.batch.counts.done).toBe(1)

    // The member is told, opens the report page, and the PDF comes through the web.
    await member.reload({ waitUntil: "networkidle" })
    expect(await detail.innerText()).toContain("报告已出")
    await member.getByTestId("kit-report").getByRole("link", { name: /查看/ }).first().click()
    await member.getByTestId("report-page").waitFor()
    expect(await member.getByTestId("report-page").innerText()).toContain("达安基因")
    await screenshot(member, "11-report")
    const href = await member.getByTestId("report-download").getAttribute("href")
    const pdf = await member.request.get(webUrl(href!))
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()["content-type"]).toBe("application/pdf")
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-")
    await member.goto(webUrl(`/account/health/kits/${kit!.id}`), { waitUntil: "networkidle" })
    expect(await member.getByTestId("kit-detail").innerText()).toContain("已查看报告")

    // Another member can neither see the kit page nor fetch the PDF.
    const stranger = await browser.newPage()
    await stranger.goto(webUrl("/account/sign-in"), { waitUntil: "networkidle" })
    await registerOnWeb(stranger, "吴路人", `stranger-${run}@example.com`)
    await stranger.goto(webUrl(`/account/health/kits/${kit!.id}`), { waitUntil: "networkidle" })
    expect(await stranger.getByTestId("kit-detail").count()).toBe(0)
    expect(await stranger.locator("h1").innerText()).toBe("页面不存在")
    const stolen = await stranger.request.get(webUrl(href!))
    expect(stolen.status()).toBe(404)
    expect((await stolen.body()).includes(Buffer.from("%PDF"))).toBe(false)
  })
})
