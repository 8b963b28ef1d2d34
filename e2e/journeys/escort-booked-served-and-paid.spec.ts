import type { Browser, BrowserContext, Locator, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { call, eventually, post } from "../support/commerce-api"
import { miniprogramUrl, registerOnMiniprogram, shown } from "../support/miniprogram-h5"
import { waitForSignInCode, waitForText } from "../support/sms-inbox"
import {
  adminContext,
  signInToAdminAs,
  staffToken,
  staffWithRole,
  type StaffMember,
} from "../support/staff"

// Issue #20's "done when", in the browser: a member books a 陪诊 for a parent in the
// mini-program's H5 build and pays by WeChat Pay; an escort grabs the task in the web escort
// app and moves it through every step while the member's booking is open in the mini-program
// and on the web, both following without a reload; the escort writes the service report, the
// member confirms, the income becomes withdrawable; operations resolve the escort's 报备.

const CITY = "长沙市"
const HOSPITAL = "中南大学湘雅医院"
const DEPARTMENT = "心血管内科"
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
/** Where the escort's phone says they are: at the hospital (seeded coordinates). */
const AT_HOSPITAL = { latitude: 28.2161, longitude: 112.9887 }

/** A mainland ID number with its check digit (GB 11643), for the parent served. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return first17 + "10X98765432"[sum % 11]
}

/** Tomorrow's date in Beijing, "YYYY-MM-DD": the service is booked ahead. */
function tomorrowInBeijing(): string {
  const beijing = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000)
  return beijing.toISOString().slice(0, 10)
}

/** A step of the member's timeline shown as the current one (both clients draw it so). */
const currentStep = (scope: Page | Locator, status: string) =>
  scope
    .locator(`[data-testid="timeline-${status}"][data-state="current"]`)
    .filter({ visible: true })

describe("陪诊: booked in the mini-program, served live, confirmed and paid out", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const run = Date.now().toString(36)
  const memberEmail = `escort-member-${run}@example.com`
  const memberPassword = "Passw0rd!"
  // A fresh mainland mobile per run (operations register the escort by it).
  const escortPhone = `139${String(Date.now()).slice(-8)}`
  const parent = { name: "王秀兰", id: idNumber("43010219520315432") }
  const date = tomorrowInBeijing()
  let dispatcher: StaffMember
  const pageErrors: string[] = []

  const newPage = async (options: Parameters<Browser["newContext"]>[0] = phone) => {
    const context = await browser.newContext({
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      ...options,
    })
    contexts.push(context)
    const page = await context.newPage()
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`))
    return page
  }

  beforeAll(async () => {
    browser = await launchBrowser()
    // Operations' set-up, off-screen: a 陪诊调度 staff member registers the escort and keeps
    // 长沙 in grab mode (抢单).
    dispatcher = await staffWithRole("escort_dispatch", `dispatch-${run}`)
    const staff = { token: await staffToken(dispatcher), admin: true }
    const { escort: registered } = await post<{ escort: { id: string } }>(
      "/admin/escorts",
      { phone: escortPhone, name: "李陪诊", city: CITY, level: "trainee" },
      staff
    )
    // Their required training (接单前必修) was examined offline; the online exam has its own journey.
    await post(`/admin/escort-training/escorts/${registered.id}/certificates`, {}, staff)
    await post("/admin/escort-dispatch/settings", { city: CITY, mode: "grab" }, staff)
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
  })

  it("a member books and pays, an escort serves it step by step while both member pages follow live, then income and the anomaly are settled", async () => {
    // ── The member books in the mini-program (H5 build, phone viewport) ──
    const mini = await newPage()
    // The mini-program follows the timeline over the stream with the member's bearer token.
    const miniStreams: string[] = []
    mini.on("request", (request) => {
      const stream = /\/store\/escort-bookings\/[^/]+\/events\/stream/.test(request.url())
      if (stream && request.method() === "GET") {
        miniStreams.push(request.headers()["authorization"] ?? "")
      }
    })
    const miniStreamAnswers: number[] = []
    mini.on("response", (response) => {
      if (/\/store\/escort-bookings\/[^/]+\/events\/stream/.test(response.url())) {
        miniStreamAnswers.push(response.status())
      }
    })
    await mini.goto(miniprogramUrl("/pages/login/index"))
    await registerOnMiniprogram(mini, memberEmail, memberPassword)
    await mini.goto(miniprogramUrl("/packages/escort/book/index"))
    await shown(mini, "escort-service").first().waitFor({ timeout: 30_000 })
    await shown(mini, "escort-service").filter({ hasText: "半日陪诊" }).click()
    await shown(mini, "escort-city-option").filter({ hasText: CITY }).click()
    await shown(mini, "escort-hospital-option").filter({ hasText: HOSPITAL }).click()
    await shown(mini, "escort-department-option").filter({ hasText: DEPARTMENT }).click()
    // The department's SOP from the CMS, before booking.
    await shown(mini, "escort-department-sop").getByText("取号挂号").waitFor()
    await shown(mini, "escort-date").locator("input").fill(date)
    await shown(mini, "escort-start").locator("input").fill("08:00")
    await shown(mini, "escort-end").locator("input").fill("12:00")
    await shown(mini, "escort-personName").locator("input").fill(parent.name)
    await shown(mini, "escort-personId").locator("input").fill(parent.id)
    await shown(mini, "escort-meetingPoint").locator("input").fill("门诊楼一楼大厅服务台")
    await shown(mini, "escort-needs").locator("input").fill("轮椅")
    // The privacy policy and the three consents (PIPL), each ticked on its own, from the CMS.
    for (const kind of [
      "privacy_policy",
      "personal_info",
      "sensitive_personal_info",
      "escort_sharing",
    ]) {
      const consent = shown(mini, `escort-consent-${kind}`)
      await consent.getByText(/版本 \S+/).waitFor()
      await consent.click()
    }
    const price = (await shown(mini, "escort-price").innerText()).trim()
    expect(price).toMatch(/^¥[\d,]+\.\d{2}$/)
    await screenshot(mini, "escort-01-booking-form")
    await shown(mini, "escort-submit").click()
    await mini.waitForURL(/\/packages\/escort\/detail\//, { timeout: 30_000 })
    const bookingId = new URL(mini.url().replace("#", "")).searchParams.get("id")!
    expect(bookingId).toBeTruthy()
    await shown(mini, "escort-status").getByText("待支付").waitFor({ timeout: 20_000 })
    // The parent's ID number is masked everywhere after booking.
    const person = await shown(mini, "escort-person").innerText()
    expect(person).toContain(parent.name)
    expect(person).not.toContain(parent.id)
    expect(person).toMatch(/\*{4,}/)

    // WeChat Pay's H5 page (the sandbox's), as a phone browser pays.
    await shown(mini, "escort-pay").click()
    const payUrl = (await shown(mini, "h5-pay-url").innerText()).trim()
    expect(payUrl).toMatch(/^https?:\/\//)
    const payPage = await browser.newPage()
    await payPage.goto(payUrl)
    expect((await payPage.locator(".amount").innerText()).replace(/[¥,\s]/g, "")).toBe(
      price.replace(/[¥,]/g, "")
    )
    await payPage.locator("#confirm-pay").click()
    await payPage.locator("#pay-result").waitFor()
    await payPage.close()
    await eventually(
      async () => {
        const confirmPaid = mini.getByText("我已完成支付").filter({ visible: true })
        if (await confirmPaid.count()) await confirmPaid.click()
        return shown(mini, "escort-status")
          .getByText("待接单")
          .waitFor({ timeout: 3000 })
          .then(
            () => true,
            () => false
          )
      },
      (paid) => paid
    )
    // Paid: WeChat Pay's link is spent and no longer offered.
    await shown(mini, "h5-pay-url").waitFor({ state: "detached", timeout: 20_000 })
    await screenshot(mini, "escort-02-paid")

    // ── The same member on the web, the booking's page open beside the mini-program ──
    const web = await newPage({ viewport: { width: 1280, height: 900 } })
    const bookingPage = `/account/escort/${bookingId}`
    await web.goto(
      webUrl(`/account/sign-in?tab=password&next=${encodeURIComponent(bookingPage)}`),
      {
        waitUntil: "networkidle",
      }
    )
    const signIn = web.getByTestId("password-sign-in")
    await signIn.getByLabel("邮箱").fill(memberEmail)
    await signIn.getByLabel("密码").fill(memberPassword)
    await signIn.getByRole("button", { name: "登录" }).click()
    await web.waitForURL((url) => url.pathname === bookingPage)
    await web.getByTestId("escort-booking-page").waitFor()
    await currentStep(web, "awaiting_escort").waitFor()
    const summary = await web.getByTestId("escort-booking-summary").innerText()
    expect(summary).toContain(`${HOSPITAL} · ${DEPARTMENT}`)
    expect(summary).not.toContain(parent.id)
    await currentStep(mini, "awaiting_escort").waitFor()
    // From here on neither member page is reloaded: a reload would drop this mark.
    for (const page of [mini, web]) await page.evaluate(() => ((window as any).__watching = 1))

    // ── The escort signs in to the web escort app with an SMS code ──
    const escort = await newPage({
      ...phone,
      geolocation: AT_HOSPITAL,
      permissions: ["geolocation"],
    })
    await escort.goto(webUrl("/escort-app/sign-in"), { waitUntil: "networkidle" })
    const escortForm = escort.getByTestId("escort-sign-in")
    await escortForm.locator('input[name="phone"]').fill(escortPhone)
    const codeAsked = new Date()
    await escortForm.getByRole("button", { name: "获取验证码" }).click()
    const code = await waitForSignInCode(escortPhone, codeAsked)
    await escortForm.locator('input[name="code"]').fill(code)
    await escortForm.getByRole("button", { name: "登录工作台" }).click()
    await escort.waitForURL((url) => url.pathname === "/escort-app")
    // The escort's own workplace: not the shop's header with its 登录 and cart.
    await escort.getByTestId("escort-task-center").waitFor()
    expect(await escort.locator(".site-header").isVisible()).toBe(false)

    // 抢单: the open task in the escort's city, surname only before it is theirs.
    const openTask = escort
      .getByTestId("escort-task")
      .filter({ hasText: HOSPITAL })
      .filter({ hasText: date })
    await openTask.waitFor({ timeout: 20_000 })
    expect(await openTask.innerText()).not.toContain(parent.name)
    await screenshot(escort, "escort-03-task-center")
    await openTask.getByTestId("escort-accept").click()
    await escort.getByText("已接单：半日陪诊，请按时出发").waitFor()

    const bothFollow = async (status: string) => {
      await currentStep(mini, status).waitFor({ timeout: 30_000 })
      await currentStep(web, status).waitFor({ timeout: 30_000 })
    }
    await bothFollow("accepted")

    // The task, now the escort's: the parent's full name and masked ID, the hospital.
    await escort.getByTestId("escort-tab-mine").click()
    await escort
      .getByTestId("escort-task")
      .filter({ hasText: HOSPITAL })
      .getByTestId("escort-task-open")
      .click()
    await escort.getByTestId("escort-task-detail").waitFor()
    // The hospital's guide from the CMS, drawn from its Markdown.
    const guide = await escort.getByTestId("escort-hospital-guide").innerText()
    expect(guide).toContain("门诊时间")
    expect(guide).not.toMatch(/##|\*\*/)
    const served = await escort.getByTestId("escort-task-person").innerText()
    expect(served).toContain(parent.name)
    expect(served).not.toContain(parent.id)
    expect(served).toMatch(/\*{4,}/)

    const step = async (status: string, button: string, label: string) => {
      await escort.getByTestId(`escort-step-${status}`).click()
      // The step panel says what moved; after 服务完成 it is gone and the page says so.
      const said =
        status === "completed"
          ? escort.getByTestId("escort-task-completed")
          : escort.getByTestId("escort-step-notice").getByText(`已更新：${button}`)
      await said.waitFor()
      await escort.getByTestId("escort-task-status").getByText(label).waitFor()
      await bothFollow(status)
    }
    await step("departed", "我已出发", "已出发")
    await step("arrived", "已到达医院", "已到达")
    // At the hospital the department's SOP from the CMS guides the escort.
    const prompts = escort.getByTestId("escort-prompts")
    await prompts.getByText(`${DEPARTMENT} 陪诊流程`).waitFor()
    for (const title of ["挂号 · 取号挂号", "候诊 · 分诊候诊", "检查 · 心电图与抽血"]) {
      await prompts.getByText(title).waitFor()
    }
    await step("accompanying", "开始陪同就医", "陪同就医")
    await screenshot(escort, "escort-04-accompanying")

    // Each SOP step the escort records goes under 陪同就医 on both member pages, live.
    const sopPanel = escort.getByTestId("escort-sop-step-panel")
    for (const name of ["挂号 · 取号挂号", "候诊 · 分诊候诊"]) {
      await sopPanel.locator(`[data-testid="escort-sop-step"][data-step="${name}"]`).click()
      await sopPanel.getByTestId("escort-sop-step-notice").getByText(`已记录：${name}`).waitFor()
      for (const page of [web, mini]) {
        await page
          .locator(`[data-testid="timeline-sop-step"][data-step="${name}"]`)
          .filter({ visible: true })
          .waitFor({ timeout: 30_000 })
      }
    }
    expect(miniStreams.length).toBeGreaterThan(0)
    expect(miniStreams.every((authorization) => authorization.startsWith("Bearer "))).toBe(true)
    expect(miniStreamAnswers).toContain(200)
    // Recorded once: its button now shows it done and cannot be pressed again.
    const registered = sopPanel.locator(
      '[data-testid="escort-sop-step"][data-step="挂号 · 取号挂号"]'
    )
    expect(await registered.innerText()).toBe("✓ 挂号 · 取号挂号")
    expect(await registered.isDisabled()).toBe(true)

    // 一键报备 during the visit: operations are alerted, the member's timeline shows it.
    await escort.getByTestId("escort-report-open").click()
    await escort
      .getByTestId("escort-report-text")
      .fill("检查排队较长，预计比约定时间晚 30 分钟结束")
    await escort.getByTestId("escort-report-form").getByRole("button", { name: "下一步" }).click()
    const reported = new Date()
    await escort.getByTestId("escort-report-send").click()
    await escort
      .getByTestId("escort-report-notice")
      .getByText(/^已报备，运营已收到提醒/)
      .waitFor()
    await web.getByTestId("timeline-reports").getByText("检查排队较长").waitFor({ timeout: 30_000 })
    await mini
      .getByText(/^陪诊员报备：.*检查排队较长/)
      .filter({ visible: true })
      .waitFor({ timeout: 30_000 })

    await step("completed", "服务完成", "服务完成")
    await screenshot(web, "escort-05-web-timeline-live")
    await screenshot(mini, "escort-06-mini-timeline-live")
    for (const page of [mini, web]) {
      expect(await page.evaluate(() => (window as any).__watching)).toBe(1)
    }

    // ── The escort writes the service report: SOP steps, the doctor's advice, a document ──
    await escort.getByRole("link", { name: "服务报告" }).click()
    const reportForm = escort.getByTestId("escort-service-report-form")
    await reportForm.waitFor()
    const stepNotes = reportForm.getByTestId("escort-service-report-step")
    await stepNotes.nth(0).fill("8:10 取号，心内科 12 号")
    await stepNotes.nth(1).fill("候诊约 40 分钟")
    await stepNotes.nth(2).fill("医生问诊，测血压 150/90")
    const advice = "阿司匹林每日一片，两周后复查心电图"
    await reportForm.getByTestId("escort-service-report-advice").fill(advice)
    await reportForm.getByTestId("escort-service-report-documents").setInputFiles({
      name: "检查单.png",
      mimeType: "image/png",
      buffer: await escort.screenshot(),
    })
    await reportForm.getByRole("button", { name: "提交服务报告" }).click()
    await escort.getByTestId("escort-service-report-view").waitFor({ timeout: 30_000 })
    expect(await escort.getByTestId("escort-service-report-advice-shown").innerText()).toBe(advice)

    // The member reads it on both pages, still without a reload.
    await shown(mini, "escort-doctor-advice").getByText(advice).waitFor({ timeout: 30_000 })
    await web.getByTestId("escort-doctor-advice").getByText(advice).waitFor({ timeout: 30_000 })
    await screenshot(mini, "escort-07-mini-service-report")

    // ── The member rates and confirms in the mini-program; the web follows ──
    await shown(mini, "escort-star-5").click()
    await shown(mini, "escort-tag-耐心细致").click()
    await shown(mini, "escort-rate-confirm").click()
    await bothFollow("confirmed")
    for (const page of [mini, web]) {
      expect(await page.evaluate(() => (window as any).__watching)).toBe(1)
    }

    // ── The escort's income: this task's share, withdrawable ──
    // The earning is recorded at 服务完成 and released by the confirmation (queue work).
    const earning = escort.getByTestId("escort-earning").filter({ hasText: "半日陪诊" })
    await eventually(
      async () => {
        await escort.goto(webUrl("/escort-app/income"), { waitUntil: "networkidle" })
        await escort.getByTestId("escort-income").waitFor()
        return earning.getByText("可提现").count()
      },
      (shownAvailable) => shownAvailable === 1
    )
    // A 见习 escort's share: 60% of the price, in whole fen rounded down.
    const priceFen = Math.round(Number(price.replace(/[¥,]/g, "")) * 100)
    const share = Math.floor((priceFen * 60) / 100)
    expect(await escort.getByTestId("escort-balance").innerText()).toBe(
      `¥${(share / 100).toFixed(2)}`
    )
    await escort.getByTestId("escort-withdraw-submit").getByText("申请提现").waitFor()
    await screenshot(escort, "escort-08-income")

    // ── Operations: the 报备 is on the dispatch board and texted to the on-duty phone ──
    const alertText = await waitForText(
      process.env.ESCORT_ONDUTY_PHONES?.split(",")[0] ?? "",
      "escort-alert",
      reported
    )
    expect(alertText.params.city).toBe(CITY)
    const staffContext = await adminContext(browser)
    contexts.push(staffContext)
    const admin = await staffContext.newPage()
    admin.on("pageerror", (error) => pageErrors.push(`${admin.url()}: ${error.message}`))
    await signInToAdminAs(admin, dispatcher)
    await admin.goto(`${process.env.E2E_COMMERCE_URL}/app/escort-dispatch`, {
      waitUntil: "networkidle",
    })
    await admin.getByRole("tab", { name: "全部", exact: true }).click()
    const boardRow = admin.locator("tr").filter({ hasText: HOSPITAL }).filter({ hasText: date })
    await boardRow.getByText("1 条告警待处理").waitFor({ timeout: 30_000 })
    await admin.getByRole("tab", { name: "异常告警" }).click()
    const alertRow = admin.locator("tr").filter({ hasText: bookingId })
    await alertRow.getByText("陪诊员报备").waitFor()
    await screenshot(admin, "escort-09-dispatch-alert")
    await alertRow.getByPlaceholder("处理说明").fill("已电话联系家属，延时已确认")
    await alertRow.getByRole("button", { name: "标记已处理" }).click()
    await alertRow.waitFor({ state: "detached" })
    const { alerts } = await call<{ alerts: { booking_id: string }[] }>(
      "/admin/escort-dispatch/alerts?status=open",
      { token: await staffToken(dispatcher), admin: true }
    )
    expect(alerts.filter((alert) => alert.booking_id === bookingId)).toEqual([])
    await admin.getByRole("tab", { name: "任务看板" }).click()
    await admin.getByRole("tab", { name: "全部", exact: true }).click()
    await boardRow.getByText("已确认").waitFor()
    expect(await boardRow.getByText("条告警待处理").count()).toBe(0)
    await screenshot(admin, "escort-10-alert-resolved")

    expect(pageErrors).toEqual([])
    // One service from booking to payout, through four browsers on a shared machine.
  }, 480_000)
})
