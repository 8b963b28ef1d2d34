import type { Browser, BrowserContext, Locator } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { call, commerce, eventually, post } from "../support/commerce-api"
import {
  beijingDay,
  bookAndPayByWechat,
  escortTokenOf,
  idNumber,
  serveAsEscort,
} from "../support/escort-bookings"
import { registerByApi } from "../support/members"
import { waitForSignInCode } from "../support/sms-inbox"
import {
  adminContext,
  signInToAdminAs,
  staffToken,
  staffWithRole,
  type StaffMember,
} from "../support/staff"

// Issue #21's "after a service both sides' reviews open together; a review with an illegal
// advertisement never shows and lands in the queue; an upheld complaint pays the member from
// the guarantee fund with every step in the ledger", in the browser. Two services are booked,
// paid and served off-screen (the booking journey does those steps in the browser); then the
// member on the web and the escort in the web escort app review each other, 运营 reject a
// review that advertises a cure in 内容审核, and the member's complaint becomes a case that
// staff uphold in 事件与理赔: the member is paid back first, the escort's share and the
// insurer's claim come back, and 平台保障金 shows each entry.

const CITY = "岳阳市"
const HOSPITAL = "岳阳市中心医院"
const DEPARTMENT = "骨科"
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
/** The insurer stand-in the stack starts (scripts/insurer-standin.mjs, test profile port). */
const INSURER = `http://127.0.0.1:${process.env.INSURER_STANDIN_PORT || 19403}`
/** An illegal medical advertisement: 包治百病 is on the seeded word list (医疗广告). */
const ADVERT = "推荐大家去找他介绍的老中医，祖传秘方包治百病，一次见效"
const REJECT_REASON = "含医疗广告用语（包治百病），依法不予展示"

const yuan = (fen: number) => (fen / 100).toFixed(2)

describe("陪诊 trust and safety: reviews open together, an advert is held back, a complaint is paid first", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const run = Date.now().toString(36)
  const memberEmail = `escort-review-${run}@example.com`
  const memberName = "秀英"
  const escortPhone = `136${String(Date.now()).slice(-8)}`
  let dispatcher: StaffMember
  let moderator: StaffMember
  let finance: StaffMember
  let memberToken: string
  let escortId: string
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

  const adminPage = async (staff: StaffMember) => {
    const context = await adminContext(browser)
    contexts.push(context)
    const page = await context.newPage()
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`))
    await signInToAdminAs(page, staff)
    return page
  }

  beforeAll(async () => {
    browser = await launchBrowser()
    // Operations' set-up, off-screen: the escort is registered, trained (examined offline; the
    // online exam has its own journey) and 岳阳 is in grab mode.
    dispatcher = await staffWithRole("escort_dispatch", `review-dispatch-${run}`)
    moderator = await staffWithRole("operations", `review-moderator-${run}`)
    finance = await staffWithRole("finance", `review-finance-${run}`)
    const staff = { token: await staffToken(dispatcher), admin: true }
    const { escort } = await post<{ escort: { id: string } }>(
      "/admin/escorts",
      { phone: escortPhone, name: "赵陪诊", city: CITY, level: "trainee" },
      staff
    )
    escortId = escort.id
    await post(`/admin/escort-training/escorts/${escort.id}/certificates`, {}, staff)
    await post("/admin/escort-dispatch/settings", { city: CITY, mode: "grab" }, staff)
    memberToken = await registerByApi(memberEmail, memberName)
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
  })

  it("both reviews open at once, the advert is rejected with a reason the member reads, and the upheld complaint is paid from the fund with each step in the ledger", async () => {
    // ── The escort signs in to the web escort app with an SMS code ──
    const escort = await newPage()
    await escort.goto(webUrl("/escort-app/sign-in"), { waitUntil: "networkidle" })
    const escortForm = escort.getByTestId("escort-sign-in")
    await escortForm.locator('input[name="phone"]').fill(escortPhone)
    const codeAsked = new Date()
    await escortForm.getByRole("button", { name: "获取验证码" }).click()
    await escortForm
      .locator('input[name="code"]')
      .fill(await waitForSignInCode(escortPhone, codeAsked))
    await escortForm.getByRole("button", { name: "登录工作台" }).click()
    await escort.waitForURL((url) => url.pathname === "/escort-app")

    // ── Off-screen: two services booked and paid by WeChat Pay, then served to 服务完成 ──
    const escortToken = await escortTokenOf(escort.context())
    const book = (days: number, name: string, id17: string) =>
      bookAndPayByWechat(memberToken, {
        city: CITY,
        hospital: HOSPITAL,
        department: DEPARTMENT,
        date: beijingDay(days),
        person: { name, id_number: idNumber(id17) },
      })
    const served = await book(3, "周桂兰", "43060219500612432")
    const advertised = await book(4, "周建国", "43060219480309431")
    for (const booking of [served, advertised]) await serveAsEscort(escortToken, booking.id)

    // ── The member signs in on the web and opens the first service ──
    const web = await newPage({ viewport: { width: 1280, height: 900 } })
    const servedPage = `/account/escort/${served.id}`
    await web.goto(webUrl(`/account/sign-in?tab=password&next=${encodeURIComponent(servedPage)}`), {
      waitUntil: "networkidle",
    })
    const signIn = web.getByTestId("password-sign-in")
    await signIn.getByLabel("邮箱").fill(memberEmail)
    await signIn.getByLabel("密码").fill("Secret12345")
    await signIn.getByRole("button", { name: "登录" }).click()
    await web.waitForURL((url) => url.pathname === servedPage)

    const writeReview = async (
      section: Locator,
      review: { stars: number; tag: string; text: string }
    ) => {
      await section.getByRole("radio", { name: `${review.stars} 星` }).click()
      await section.getByLabel(review.tag, { exact: true }).check()
      await section.getByLabel(/评价内容/).fill(review.text)
      await section.getByRole("button", { name: "提交评价" }).click()
    }
    const stateOf = (section: Locator, label: string) =>
      section.getByTestId("escort-review-state").getByText(label, { exact: true }).waitFor()

    // ── 1. Two-way reviews: sealed until both wrote, then open together ──
    const memberText = "赵老师提前到医院取号，全程推轮椅，很耐心"
    const escortText = "家属提前准备好了病历和检查单，沟通很顺畅"
    let memberReview = web.getByTestId("escort-review")
    await stateOf(memberReview, "待评价")
    await writeReview(memberReview, { stars: 5, tag: "耐心细致", text: memberText })
    await stateOf(memberReview, "已评价，等待对方评价，双方评价后同时公开")
    await memberReview.getByText("评价已提交，双方评价后同时公开", { exact: true }).waitFor()
    expect(await memberReview.getByTestId("escort-review-theirs").count()).toBe(0)
    await screenshot(web, "review-01-member-sealed")

    await escort.goto(webUrl(`/escort-app/tasks/${served.id}`), { waitUntil: "networkidle" })
    const escortReview = escort.getByTestId("escort-review")
    // The member has written, but the escort cannot read it before writing their own.
    await stateOf(escortReview, "对方已评价，双方评价后同时公开")
    expect(await escortReview.getByTestId("escort-review-theirs").count()).toBe(0)
    expect(await escort.locator("body").innerText()).not.toContain(memberText)
    await writeReview(escortReview, { stars: 4, tag: "配合度高", text: escortText })
    await stateOf(escortReview, "评价已公开")
    await escortReview.getByText("评价已提交，双方评价已同时公开", { exact: true }).waitFor()
    const seenByEscort = escortReview.getByTestId("escort-review-theirs")
    await seenByEscort.getByText(memberText).waitFor()
    const shownToEscort = await seenByEscort.innerText()
    // Anonymous: 匿名会员, never the member's name or account.
    expect(shownToEscort).toContain("匿名会员的评价：★★★★★")
    expect(shownToEscort).not.toContain(memberName)
    expect(shownToEscort).not.toContain(memberEmail)
    await screenshot(escort, "review-02-escort-opened")

    // Opened for the member at the same moment: no more edits, the escort's review shown.
    await web.reload({ waitUntil: "networkidle" })
    memberReview = web.getByTestId("escort-review")
    await stateOf(memberReview, "评价已公开")
    const seenByMember = await memberReview.getByTestId("escort-review-theirs").innerText()
    expect(seenByMember).toContain("陪诊员的评价：★★★★☆")
    expect(seenByMember).toContain(escortText)
    expect(seenByMember).not.toContain("赵陪诊")
    expect(await memberReview.getByRole("button", { name: /提交评价|修改评价/ }).count()).toBe(0)
    await screenshot(web, "review-03-member-opened")

    // ── 2. A review that advertises a cure: held back, queued, rejected with a reason ──
    const advertisedPage = `/account/escort/${advertised.id}`
    await web.goto(webUrl(advertisedPage), { waitUntil: "networkidle" })
    const heldReview = web.getByTestId("escort-review")
    await stateOf(heldReview, "待评价")
    await writeReview(heldReview, { stars: 5, tag: "熟悉医院", text: ADVERT })
    await heldReview.getByText("审核中：评价含敏感内容，平台审核通过后才会展示").waitFor()

    await escort.goto(webUrl(`/escort-app/tasks/${advertised.id}`), { waitUntil: "networkidle" })
    const escortSecond = escort.getByTestId("escort-review")
    await writeReview(escortSecond, { stars: 5, tag: "礼貌友善", text: "家属很客气" })
    // Both wrote, so the pair opened; the member's advert is not among what opened.
    await stateOf(escortSecond, "评价已公开")
    expect(await escortSecond.getByTestId("escort-review-theirs").count()).toBe(0)
    expect(await escort.locator("body").innerText()).not.toContain("包治百病")
    const { reviews: publicReviews } = await call<{ reviews: { text: string | null }[] }>(
      `/store/escorts/${escortId}/reviews`
    )
    expect(publicReviews.map((review) => review.text)).toContain(memberText)
    expect(JSON.stringify(publicReviews)).not.toContain("包治百病")
    await screenshot(escort, "review-04-advert-not-shown")

    const moderation = await adminPage(moderator)
    await moderation.goto(`${commerce()}/app/moderation`, { waitUntil: "networkidle" })
    const queued = moderation.getByRole("row").filter({ hasText: ADVERT })
    await queued.getByText("医疗广告：包治百病").waitFor({ timeout: 30_000 })
    expect(await queued.innerText()).toContain("陪诊评价")
    await screenshot(moderation, "review-05-moderation-queue")
    await queued.getByRole("button", { name: "驳回" }).click()
    await queued.getByPlaceholder("驳回原因（作者会看到）").fill(REJECT_REASON)
    await queued.getByRole("button", { name: "驳回" }).click()
    await queued.waitFor({ state: "detached" })
    await moderation.getByRole("tab", { name: "已处理" }).click()
    await moderation
      .getByRole("row")
      .filter({ hasText: ADVERT })
      .getByText(`已驳回：${REJECT_REASON}`)
      .waitFor()

    // The author reads the reason on the review and in the inbox; the escort never sees it.
    await web.reload({ waitUntil: "networkidle" })
    await web.getByTestId("escort-review").getByText(`未通过审核：${REJECT_REASON}`).waitFor()
    await web.getByTestId("escort-review-theirs").getByText("家属很客气").waitFor()
    await screenshot(web, "review-06-member-told-why")
    await web.goto(webUrl("/account/inbox"), { waitUntil: "networkidle" })
    const told = web.getByTestId("inbox-message").filter({ hasText: "内容未通过审核" })
    expect(await told.innerText()).toContain(REJECT_REASON)
    await escort.reload({ waitUntil: "networkidle" })
    await stateOf(escort.getByTestId("escort-review"), "评价已公开")
    expect(await escort.getByTestId("escort-review-theirs").count()).toBe(0)
    expect(await escort.locator("body").innerText()).not.toContain("包治百病")

    // ── 3. The member complains about the first service ──
    await web.goto(webUrl(servedPage), { waitUntil: "networkidle" })
    const confirm = web.getByTestId("escort-confirm-service")
    await confirm.getByRole("button", { name: "服务有问题，我要申诉" }).click()
    const complaint = "陪诊员迟到 40 分钟，错过了上午的专家号"
    await confirm.getByLabel("申诉原因").fill(complaint)
    await confirm.getByRole("button", { name: "提交申诉" }).click()
    await confirm.getByText("申诉已提交，平台客服会尽快与您联系").waitFor()
    // The complaint became a case by itself; the booking page says it is being handled.
    await eventually(
      async () => {
        await web.reload({ waitUntil: "networkidle" })
        return web.getByTestId("escort-complaint-status").getByText("平台已受理").count()
      },
      (shown) => shown === 1
    )
    await web
      .getByTestId("escort-policy")
      .getByText(/已投保 · 保单号 PL\d+/)
      .waitFor()

    // ── 陪诊调度 open the case from the complaint and check it ──
    const desk = await adminPage(dispatcher)
    await desk.goto(`${commerce()}/app/escort-cases`, { waitUntil: "networkidle" })
    const complaintRow = desk.getByRole("row").filter({ hasText: served.id })
    await complaintRow.getByText(complaint).first().waitFor({ timeout: 30_000 })
    await desk.getByTestId(`open-case-${served.id}`).click()
    const deskCase = desk.getByTestId("escort-case-detail")
    await deskCase.waitFor()
    const deskStatus = deskCase.getByTestId("escort-case-status")
    await deskStatus.getByText("待处理", { exact: true }).waitFor()
    await deskCase.getByText(`会员申诉：${complaint}`, { exact: true }).waitFor()
    await deskCase.getByRole("button", { name: "由我负责" }).click()
    await deskStatus.getByText("调查中", { exact: true }).waitFor()
    const checked = "已电话联系陪诊员与家属，迟到属实，建议先行赔付一半服务费"
    await deskCase.getByPlaceholder("认定说明").fill(checked)
    await deskCase.getByRole("button", { name: "添加记录" }).click()
    await deskCase.getByTestId("escort-case-timeline").getByText(checked).waitFor()
    await screenshot(desk, "review-07-case-investigated")

    // ── 财务 top up the fund, uphold the case and pay the member first ──
    const money = await adminPage(finance)
    await money.goto(`${commerce()}/app/guarantee-fund`, { waitUntil: "networkidle" })
    const topUpNote = `保障金注资 ${run}`
    await money.getByPlaceholder("注资金额（元）").fill("10000.00")
    await money.getByPlaceholder(/注资说明/).fill(topUpNote)
    await money.getByRole("button", { name: "注资", exact: true }).click()
    await money.getByText("已注资 ¥10,000.00").waitFor()

    await money.goto(`${commerce()}/app/escort-cases`, { waitUntil: "networkidle" })
    const caseRow = money.getByRole("row").filter({ hasText: `会员申诉：${complaint}` })
    await caseRow.getByText("调查中").waitFor({ timeout: 30_000 })
    await caseRow.click()
    const detail = money.getByTestId("escort-case-detail")
    const status = detail.getByTestId("escort-case-status")
    await detail.getByTestId("escort-case-timeline").getByText(checked).waitFor()
    // Half the price, paid first: back to WeChat Pay, the escort's share reversed.
    const compensation = Math.floor(served.price_fen / 2)
    await detail.getByTestId("escort-case-compensation").fill(yuan(compensation))
    await detail.getByPlaceholder("认定说明").fill("迟到属实，先行赔付一半服务费")
    await detail.getByRole("button", { name: "认定成立并先行赔付" }).click()
    await detail.getByText(`已认定成立，先行赔付 ¥${yuan(compensation)}`).waitFor()
    await status.getByText("成立", { exact: true }).waitFor()
    const financeApi = { token: await staffToken(finance), admin: true }
    const [theCase] = (
      await call<{ cases: { id: string }[] }>(
        `/admin/escort-cases?booking_id=${served.id}`,
        financeApi
      )
    ).cases
    const readCase = async () =>
      (
        await call<{
          case: {
            fund_entries: { kind: string; amount_fen: number }[]
            claim: { claim_no: string } | null
          }
        }>(`/admin/escort-cases/${theCase.id}`, financeApi)
      ).case
    const recovered =
      (await readCase()).fund_entries.find((entry) => entry.kind === "recovery_from_escort")
        ?.amount_fen ?? 0
    expect(recovered).toBeGreaterThan(0)
    const entries = detail.getByTestId("escort-case-fund-entries")
    await entries.getByText(`先行赔付 -¥${yuan(compensation)}`).waitFor()
    await entries.getByText(`向陪诊员追偿 ¥${yuan(recovered)}`).waitFor()
    await screenshot(money, "review-08-case-upheld")

    // The member is told at once: upheld, and what the platform paid them first.
    await web.goto(webUrl(servedPage), { waitUntil: "networkidle" })
    await web.getByTestId("escort-complaint-status").getByText("已认定，平台先行赔付").waitFor()
    expect(await web.getByTestId("escort-compensation").innerText()).toBe(
      `¥${yuan(compensation)}（已原路退回或退回账户余额）`
    )
    await screenshot(web, "review-09-member-compensated")

    // What the escort did not return is claimed from the liability insurer.
    const claimFen = compensation - recovered
    await detail.getByPlaceholder("理赔金额（元）").fill(yuan(claimFen))
    await detail.getByRole("button", { name: "申请保险理赔" }).click()
    await detail.getByText("已向保险公司申请理赔", { exact: true }).waitFor()
    await detail.getByText(/理赔 \S+（已报案，待保险公司处理）/).waitFor()
    // The insurer pays (its stand-in decides and sends its signed callback to commerce).
    const claimNo = (await readCase()).claim!.claim_no
    const decided = await fetch(`${INSURER}/__standin/claims/${claimNo}/decide`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        status: "paid",
        paid_fen: claimFen,
        callback_url: `${commerce()}/hooks/insurer`,
      }),
    })
    expect(((await decided.json()) as { callback_status: number }).callback_status).toBe(200)

    // ── 陪诊调度 see the claim paid and close the case ──
    await desk.reload({ waitUntil: "networkidle" })
    await desk
      .getByRole("row")
      .filter({ hasText: `会员申诉：${complaint}` })
      .click()
    await deskCase.getByText(`理赔 ${claimNo}（理赔款已到账）`).waitFor()
    const deskEntries = deskCase.getByTestId("escort-case-fund-entries")
    await deskEntries.getByText(`保险理赔到账 ¥${yuan(claimFen)}`).waitFor()
    await deskCase.getByPlaceholder(/记录核实经过/).fill("赔付与追偿完成")
    await deskCase.getByRole("button", { name: "结案" }).click()
    await deskStatus.getByText("已结案", { exact: true }).waitFor()
    await screenshot(desk, "review-10-case-closed")

    // ── 平台保障金: the top-up, the payout and both recoveries, each a line ──
    await money.goto(`${commerce()}/app/guarantee-fund`, { waitUntil: "networkidle" })
    const ledger = (kind: string) =>
      money.getByRole("row").filter({ hasText: theCase.id }).filter({ hasText: kind })
    await money.getByRole("row").filter({ hasText: topUpNote }).getByText("平台注资").waitFor()
    await ledger("先行赔付")
      .getByText(`-¥${yuan(compensation)}`, { exact: true })
      .waitFor()
    await ledger("向陪诊员追偿")
      .getByText(`¥${yuan(recovered)}`, { exact: true })
      .waitFor()
    await ledger("保险理赔到账")
      .getByText(`¥${yuan(claimFen)}`, { exact: true })
      .waitFor()
    expect(await ledger("先行赔付").innerText()).toContain("原路退回")
    await money
      .getByTestId("guarantee-fund-balance")
      .getByText(/当前余额：¥/)
      .waitFor()
    await screenshot(money, "review-11-guarantee-ledger")

    // ── The member's booking: the case closed, the payment first still shown ──
    await web.goto(webUrl(servedPage), { waitUntil: "networkidle" })
    await web.getByTestId("escort-complaint-status").getByText("已结案", { exact: true }).waitFor()
    expect(await web.getByTestId("escort-compensation").innerText()).toContain(yuan(compensation))

    expect(pageErrors).toEqual([])
  }, 600_000)
})
