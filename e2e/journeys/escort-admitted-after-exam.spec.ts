import type { Browser, BrowserContext } from "playwright-core"
import { requiredCourseQuestions } from "../../cms/src/seed/escort-training"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { call, commerce, post } from "../support/commerce-api"
import { registerByApi } from "../support/members"
import { waitForSignInCode } from "../support/sms-inbox"
import {
  adminContext,
  signInToAdminAs,
  staffToken,
  staffWithRole,
  type StaffMember,
} from "../support/staff"

// Issue #21's "an applicant becomes an active escort only after verification, review and a
// passed exam", in the browser: an applicant applies in the web escort app (实名认证 through
// the stand-in, 健康证 and background check uploaded), staff approve each item and activate
// them in the admin, the escort still cannot take a task, reads the required course, passes
// its exam (questions shuffled by commerce, graded there), and then grabs the task.

const CITY = "株洲市"
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)])
const COURSE = "陪诊服务规范与患者隐私"

/** A mainland ID number with its check digit (GB 11643). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return first17 + "10X98765432"[sum % 11]
}

/** A Beijing date `days` from today, "YYYY-MM-DD". */
const beijingDay = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** The seeded bank's right option texts by stem (the CMS seed is the answer key here). */
const RIGHT = new Map(
  requiredCourseQuestions.map((question) => [
    question.stem,
    question.options.filter((option) => option.correct).map((option) => option.text),
  ])
)

/** The published version of each consent page a booking accepts (from the CMS). */
async function consentVersions() {
  const cms = process.env.E2E_CMS_URL || "http://localhost:1337"
  const pages: Record<string, string> = {
    privacy_policy: "privacy-policy",
    personal_info: "consent-personal-info",
    sensitive_personal_info: "consent-sensitive-personal-info",
    escort_sharing: "consent-escort-sharing",
  }
  return Promise.all(
    Object.entries(pages).map(async ([kind, slug]) => {
      const response = await fetch(`${cms}/api/pages?filters[slug][$eq]=${slug}`)
      const { data } = (await response.json()) as { data: { version?: string }[] }
      return { kind, version: data[0]?.version ?? "" }
    })
  )
}

/** A member's half-day booking in the city, paid as operations record it (待接单). */
async function paidBookingIn(city: string, date: string, staff: string) {
  const member = await registerByApi(`training-member-${Date.now()}@example.com`, "陪诊")
  const { services } = await call<{ services: { title: string; variant_id: string }[] }>(
    "/store/escort-services"
  )
  const halfDay = services.find((service) => service.title === "半日陪诊")!
  const { booking } = await post<{ booking: { id: string } }>(
    "/store/escort-bookings",
    {
      variant_id: halfDay.variant_id,
      extras: [],
      hospital_name: "株洲市中心医院",
      department: "心血管内科",
      city,
      date,
      time_window: { start: "08:00", end: "12:00" },
      person: { name: "赵桂芳", id_number: idNumber("43020219550101432") },
      meeting_point: "门诊楼一楼大厅",
      needs: [],
      consents: await consentVersions(),
    },
    { token: member }
  )
  await post(
    `/admin/escort-bookings/${booking.id}/mark-paid`,
    { note: "线下收款" },
    {
      token: staff,
      admin: true,
    }
  )
  return booking.id
}

describe("陪诊员入驻: verified, reviewed, trained and examined before the first task", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const run = Date.now().toString(36)
  const applicantPhone = `137${String(Date.now()).slice(-8)}`
  const pageErrors: string[] = []
  let dispatcher: StaffMember
  let superAdmin: StaffMember

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
    dispatcher = await staffWithRole("escort_dispatch", `training-dispatch-${run}`)
    superAdmin = await staffWithRole("super_admin", `training-admin-${run}`)
    await post(
      "/admin/escort-dispatch/settings",
      { city: CITY, mode: "grab" },
      { token: await staffToken(dispatcher), admin: true }
    )
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
  })

  it("applies, is approved item by item, cannot take a task untrained, passes the exam and grabs the task", async () => {
    // ── The applicant signs in to the apply page with an SMS code ──
    const escort = await newPage()
    await escort.goto(webUrl("/escort-app/apply"), { waitUntil: "networkidle" })
    const signIn = escort.getByTestId("escort-apply-sign-in")
    await signIn.locator('input[name="phone"]').fill(applicantPhone)
    const asked = new Date()
    await signIn.getByRole("button", { name: "获取验证码" }).click()
    await signIn.locator('input[name="code"]').fill(await waitForSignInCode(applicantPhone, asked))
    await signIn.getByRole("button", { name: "登录工作台" }).click()
    const form = escort.getByTestId("escort-apply-form")
    await form.waitFor({ timeout: 30_000 })

    // ── The privacy policy and the two consents (from the CMS), each linked to its text ──
    const consents = form.getByTestId("escort-apply-consents")
    await consents.getByRole("link", { name: /陪诊员敏感个人信息处理同意/ }).waitFor()
    for (const kind of ["privacy_policy", "applicant_personal_info", "applicant_sensitive_info"]) {
      await consents.getByTestId(`escort-apply-consent-${kind}`).check()
    }
    await consents.getByTestId("escort-apply-consents-accept").click()
    await form.locator('input[name="real_name"]').waitFor()

    // ── Details, 实名认证 (the stand-in), documents, submission ──
    await form.locator('input[name="real_name"]').fill("周晓梅")
    await form.locator('input[name="id_number"]').fill(idNumber("43020219900315123"))
    await form.locator('input[name="city"]').fill(CITY)
    await form.locator('input[name="base_location"]').fill("天元区泰山路街道")
    await form.locator('input[name="specialties"]').fill("老年陪护")
    await form.getByRole("button", { name: "保存资料" }).click()
    await form.getByRole("button", { name: /^实名认证/ }).click()
    await escort.getByText("实名认证通过").first().waitFor()
    await form.getByTestId("escort-apply-upload-health_certificate").setInputFiles({
      name: "健康证.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    })
    await form.getByText(/健康证.*待审核/).waitFor()
    await form.getByTestId("escort-apply-upload-background_check").setInputFiles({
      name: "无犯罪记录.jpg",
      mimeType: "image/jpeg",
      buffer: JPEG,
    })
    await form.getByText(/背景调查.*待审核|无犯罪记录.*待审核/).waitFor()
    await form.getByRole("button", { name: "提交审核" }).click()
    await escort.getByText("已提交，请等待审核").waitFor()
    await screenshot(escort, "training-01-applied")

    // ── Staff review each item and activate the escort in the admin ──
    const adminPage = await (await adminContext(browser)).newPage()
    await signInToAdminAs(adminPage, dispatcher)
    await adminPage.goto(`${commerce()}/app/escort-admission`, { waitUntil: "networkidle" })
    const row = adminPage.getByRole("row").filter({ hasText: "周晓梅" })
    await row.getByRole("button", { name: "审核" }).click()
    const review = adminPage.getByTestId("escort-admission-review")
    await review.waitFor()
    const healthRow = review.getByRole("row").filter({ hasText: "健康证" })
    await healthRow.getByPlaceholder("有效期至（YYYY-MM-DD）").fill(beijingDay(365))
    await healthRow.getByRole("button", { name: "通过" }).click()
    await review
      .getByRole("row")
      .filter({ hasText: "健康证" })
      .getByText(/已通过/)
      .waitFor()
    const checkRow = review.getByRole("row").filter({ hasText: /背景调查|无犯罪记录/ })
    await checkRow.getByRole("button", { name: "通过" }).click()
    await review
      .getByRole("row")
      .filter({ hasText: /背景调查|无犯罪记录/ })
      .getByText(/已通过/)
      .waitFor()
    await review.getByRole("button", { name: "启用陪诊员" }).click()
    await adminPage.getByText("已启用，该陪诊员可以接单了").waitFor()
    await screenshot(adminPage, "training-02-activated")

    // ── Active, but untrained: the task cannot be taken yet ──
    const date = beijingDay(2)
    await paidBookingIn(CITY, date, await staffToken(superAdmin))
    await escort.goto(webUrl("/escort-app"), { waitUntil: "networkidle" })
    await escort.getByTestId("escort-task-center").waitFor()
    const task = escort.getByTestId("escort-task").filter({ hasText: date })
    await task.waitFor({ timeout: 20_000 })
    await task.getByTestId("escort-accept").click()
    await escort
      .getByTestId("escort-task-error")
      .getByText(`完成必修培训并通过考试后才能接单：《${COURSE}》`)
      .waitFor()
    await screenshot(escort, "training-03-untrained")

    // ── The training page: the gate's reason, the required course, its lessons ──
    await escort.goto(webUrl("/escort-app/training"), { waitUntil: "networkidle" })
    await escort.getByTestId("training-gate").getByText(COURSE).waitFor()
    const course = escort.getByTestId("training-course").filter({ hasText: COURSE })
    await course.getByText("必修", { exact: true }).waitFor()
    await course.getByTestId("training-course-state").getByText("未开始").waitFor()
    await course.getByRole("link", { name: COURSE }).click()
    await escort.getByTestId("training-course-reader").waitFor()
    await escort.getByRole("heading", { name: "第二课：就诊人隐私与个人信息保护" }).waitFor()
    await escort.getByTestId("training-start-exam").click()

    // ── The exam: ten shuffled questions, answered from the course, graded by commerce ──
    await escort.getByTestId("training-exam").waitFor()
    const questions = escort.getByTestId("training-question")
    expect(await questions.count()).toBe(10)
    for (let i = 0; i < 10; i++) {
      const question = questions.nth(i)
      const stemLine = (await question.locator("p").first().innerText()).trim()
      const stem = [...RIGHT.keys()].find((text) => stemLine.endsWith(text))
      expect(stem).toBeDefined()
      for (const text of RIGHT.get(stem!)!) {
        await question.getByLabel(text, { exact: true }).check()
      }
    }
    await screenshot(escort, "training-04-exam")
    await escort.getByTestId("training-submit-exam").click()
    await escort
      .getByTestId("training-exam-passed")
      .getByText(/考试通过！得分 100 分/)
      .waitFor()
    await escort.getByText(/合格证书已发放，有效期至/).waitFor()
    await screenshot(escort, "training-05-passed")

    await escort.goto(webUrl("/escort-app/training"), { waitUntil: "networkidle" })
    await escort.getByTestId("training-qualified").waitFor()

    // ── Now the same task can be grabbed ──
    await escort.goto(webUrl("/escort-app"), { waitUntil: "networkidle" })
    const open = escort.getByTestId("escort-task").filter({ hasText: date })
    await open.waitFor({ timeout: 20_000 })
    await open.getByTestId("escort-accept").click()
    await escort.getByText("已接单：半日陪诊，请按时出发").waitFor()
    await screenshot(escort, "training-06-grabbed")

    // Staff see the pass on 培训考试.
    await adminPage.goto(`${commerce()}/app/escort-training`, { waitUntil: "networkidle" })
    await adminPage
      .getByTestId("escort-training-page")
      .getByRole("row")
      .filter({ hasText: CITY })
      .getByText("可接单")
      .first()
      .waitFor()
    expect(pageErrors).toEqual([])
  }, 600_000)
})
