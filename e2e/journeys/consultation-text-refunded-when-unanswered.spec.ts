import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { approveLicence, doctorNamed, doctorTokenByApi, signInOnWeb } from "../support/doctors"
import { registerByApi } from "../support/members"

// Issue #22's 图文问诊 refund, in the browser: a member asks a doctor a question on the web,
// pays it by WeChat Pay (the sandbox's page behind the QR code), and the doctor never answers.
// The e2e stack gives doctors 29 s to answer and sweeps every 2 s (CONSULTATION_ANSWER_HOURS,
// CONSULTATION_SWEEP_MS in scripts/lib/stack.mjs), so the full refund reaches the member's
// consultation and order pages within the journey.

/** Reloads `page` until its consultation status reads `label` (the sweep works off-screen). */
async function statusBecomes(page: Page, label: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = (await page.getByTestId("consultation-status").innerText()).trim()
    if (status === label) return
    if (Date.now() > deadline) throw new Error(`the consultation is still ${status}, not ${label}`)
    await page.waitForTimeout(1000)
    await page.reload({ waitUntil: "networkidle" })
  }
}

describe("图文问诊: a doctor who does not answer in time is refunded to the member", () => {
  let browser: Browser
  const run = Date.now().toString(36)
  const memberEmail = `text-refund-${run}@example.com`
  const doctorPhone = `136${String(Date.now()).slice(-8)}`
  let doctorId: string

  beforeAll(async () => {
    browser = await launchBrowser()
    // Off-screen: 周静 gets this run's phone and a ¥30 图文 price, and her licence is approved.
    doctorId = await doctorNamed("周静", doctorPhone, 3000)
    await approveLicence(doctorId, await doctorTokenByApi(doctorPhone))
    await registerByApi(memberEmail, "图文")
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("asks, pays by WeChat Pay, waits past the promised time, and sees the full refund", async () => {
    const member = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    member.on("pageerror", (error) => errors.push(error.message))

    // ── The member finds the doctor under 在线问诊 and asks ──
    const doctorPage = `/consult/doctors/${doctorId}`
    await signInOnWeb(member, memberEmail, "/consult")
    await member
      .getByTestId("consult-doctors")
      .locator("li", { hasText: "周静" })
      .getByRole("link", { name: "查看医生" })
      .click()
    await member.waitForURL((url) => url.pathname === doctorPage)
    expect(await member.getByTestId("consult-doctor").innerText()).toContain(
      "图文问诊 ¥30.00 · 医生未在承诺时间内回复将自动全额退款"
    )
    const ask = member.getByTestId("consult-ask-form")
    await ask.getByLabel("描述您的问题").fill("最近半个月总是早醒，白天乏力，需要做什么检查吗？")
    await ask.getByRole("button", { name: "提交问题，去支付" }).click()
    await member.waitForURL(/\/account\/consultations\/[^/?]+\?asked=1/)
    const consultationPath = new URL(member.url()).pathname
    expect(await member.getByTestId("consultation-status").innerText()).toBe("待支付")

    // ── Pays ¥30 by WeChat Pay: the QR code's sandbox page stands in for the phone ──
    const pay = member.getByTestId("escort-pay-form")
    await pay.getByLabel(/微信支付/).check()
    await pay.getByRole("button", { name: "去支付" }).click()
    await member.waitForURL(/\/checkout\/pay\?cart=cart_/)
    await member.getByTestId("wechat-qr").waitFor()
    expect(await member.getByTestId("pay-amount").innerText()).toBe("¥30.00")
    const sandbox = await browser.newPage()
    await sandbox.goto((await member.getByTestId("sandbox-pay-link").getAttribute("href"))!)
    await sandbox.locator("#confirm-pay").click()
    await sandbox.locator("#pay-result").waitFor()
    await sandbox.close()
    await member.waitForURL(/\/checkout\/done\/order_/, { timeout: 60_000 })
    const orderId = new URL(member.url()).pathname.split("/").pop()!

    // ── Paid: waiting for the doctor, with the promised time and the refund rule ──
    await member.goto(webUrl(consultationPath), { waitUntil: "networkidle" })
    expect(await member.getByTestId("consultation-status").innerText()).toBe("待接诊")
    expect(await member.getByTestId("consultation-page").innerText()).toMatch(
      /承诺回复\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}.* 前，超时自动全额退款/
    )

    // ── Nobody answers: the sweep refunds it, and the member's page says so ──
    await statusBecomes(member, "已退款")
    const page = await member.getByTestId("consultation-page").innerText()
    expect(page).toMatch(/退款\s*¥30\.00 · 医生未在承诺时间内回复/)
    expect(page).not.toContain("去支付")
    await screenshot(member, "consultation-text-01-refunded")

    // ── 我的问诊 and the order show it too ──
    await member.goto(webUrl("/account/consultations"), { waitUntil: "networkidle" })
    expect(await member.locator("body").innerText()).toContain("周静 · 图文问诊 · 已退款")
    await member.goto(webUrl(`/account/orders/${orderId}`), { waitUntil: "networkidle" })
    expect(await member.getByTestId("order-state").innerText()).toBe("已取消（已退款）")
    expect(errors).toEqual([])
  })
})
