import { readFileSync } from "node:fs"
import { PDFDict, PDFDocument, PDFName } from "pdf-lib"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { adminToken, call, eventually, post } from "../support/commerce-api"
import { signInOnWeb } from "../support/doctors"
import { registerByApi } from "../support/members"

/** 气虚质 items (ZYYXH/T157-2009): answered 经常 (4); every other item 没有 (1). */
const QIXU_ITEMS = new Set(["q02", "q03", "q09", "q10", "q11", "q12", "q13", "q14"])

const currentQuestion = (page: Page) =>
  page.locator(".q-item.current").first().getAttribute("data-testid")

/** Answers the question on screen and waits for the next one (phones show one at a time). */
async function answerCurrent(page: Page, last: boolean) {
  const testId = (await currentQuestion(page))!
  const code = testId.replace("question-", "")
  const label = QIXU_ITEMS.has(code) ? "经常" : "没有"
  await page.getByTestId(testId).locator("label.q-option", { hasText: label }).click()
  if (!last) {
    await page.waitForFunction(
      (previous) =>
        document.querySelector(".q-item.current")?.getAttribute("data-testid") !== previous,
      testId
    )
  }
  return code
}

/**
 * A sheet where 气虚质 just leads 痰湿质 while 容易疲乏 (q02, answered 总是) counts for it:
 * 气虚 items 有时 but q12 没有, 痰湿 items 有时 but q35 很少, the rest 没有. Scored
 * with the standard, 气虚质 50.0 beats 痰湿质 46.9; once q02 no longer counts for 气虚质,
 * 气虚质 falls to 42.9 and 痰湿质 leads.
 */
const TIRED_SHEET: Record<string, number> = {
  q02: 5,
  ...Object.fromEntries(["q03", "q09", "q10", "q11", "q13", "q14"].map((code) => [code, 3])),
  ...Object.fromEntries(["q28", "q29", "q30", "q31", "q32", "q33", "q34"].map((code) => [code, 3])),
  q35: 2,
}

/** Answers every question on a wide screen with TIRED_SHEET, and submits. */
async function answerTiredSheet(page: Page) {
  await page.goto(webUrl("/constitution/test"), { waitUntil: "networkidle" })
  await page.getByTestId("questionnaire-sex").getByRole("button", { name: "女" }).click()
  await page.getByTestId("questionnaire").waitFor()
  const codes = await page
    .locator(".q-item")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")!.slice(9)))
  for (const code of codes) {
    const value = TIRED_SHEET[code] ?? 1
    await page
      .getByTestId(`question-${code}`)
      .locator("label.q-option")
      .filter({ has: page.locator(`input[value="${value}"]`) })
      .click()
  }
  await page.getByTestId("submit-questionnaire").click()
  await page.waitForURL(/\/constitution\/report\/cass_[^?]+\?saved=1/, { timeout: 30_000 })
  return new URL(page.url()).pathname.split("/").pop()!
}

/**
 * An editor (内容审核) publishes a new 体质问卷版本 through Strapi's admin API, as the content
 * manager's 发布 does: every item of `current` as it is, but 容易疲乏 (q02) no longer a 气虚
 * sign. Answers the version's number.
 */
async function publishQuestionnaireVersion(current: {
  version: number
  items: Record<string, unknown>[]
}) {
  const cms = process.env.E2E_CMS_URL || "http://localhost:1337"
  const signIn = await fetch(`${cms}/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "editor@health.local", password: "Editor12345" }),
  })
  if (!signIn.ok) throw new Error(`CMS sign-in → ${signIn.status}: ${await signIn.text()}`)
  const { data } = (await signIn.json()) as { data: { token: string } }
  const number = current.version + 1
  const items = current.items.map(
    ({ code, text, text_female, text_male, sex, types, reverse_in, sort }) => ({
      code,
      text,
      text_female: text_female ?? null,
      text_male: text_male ?? null,
      sex,
      types: code === "q02" ? (types as string[]).filter((type) => type !== "qixu") : types,
      reverse_in,
      sort,
    })
  )
  const published = await fetch(
    `${cms}/content-manager/collection-types/api::questionnaire-version.questionnaire-version/actions/publish`,
    {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${data.token}` },
      body: JSON.stringify({
        number,
        label: `2027 年修订版（第 ${number} 版）`,
        note: "容易疲乏不再计入气虚质",
        items,
      }),
    }
  )
  if (!published.ok) {
    throw new Error(`publishing the questionnaire → ${published.status}: ${await published.text()}`)
  }
  return number
}

/** A staff user with the 专家 role, made as a super admin would: invite, accept, assign. */
async function expertToken(run: string) {
  const admin = await adminToken()
  const email = `expert-${run}@health.local`
  const { invite } = await post<{ invite: { token: string } }>(
    "/admin/invites?fields=id,email,token",
    { email },
    { token: admin, admin: true }
  )
  const { token: registration } = await post<{ token: string }>("/auth/user/emailpass/register", {
    email,
    password: "Expert12345",
  })
  const { user } = await post<{ user: { id: string } }>(
    `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`,
    { email, first_name: "明华", last_name: "李" },
    { token: registration, admin: true }
  )
  const { roles } = await call<{ roles: { id: string; code: string }[] }>("/admin/access/roles", {
    token: admin,
    admin: true,
  })
  await post(
    `/admin/access/users/${user.id}/roles`,
    { role_ids: [roles.find((role) => role.code === "expert")!.id] },
    { token: admin, admin: true }
  )
  const { token } = await post<{ token: string }>("/auth/user/emailpass", {
    email,
    password: "Expert12345",
  })
  return token
}

describe("a constitution test from the questionnaire to the expert's report", () => {
  let browser: Browser
  const run = Date.now().toString(36)

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("on a wide screen every question is on one page, in the wording for the person's sex", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(webUrl("/constitution/test"), { waitUntil: "networkidle" })
    await page.getByTestId("questionnaire-sex").getByRole("button", { name: "男" }).click()
    await page.getByTestId("questionnaire").waitFor()
    const visible = await page.locator(".q-item:visible").count()
    expect(visible).toBe(60)
    expect(await page.getByTestId("question-q41").innerText()).toContain("阴囊")
    await page.close()
  })

  it("a visitor takes the test on a phone, sees the report, signs up to save it, and the expert's report reaches them", async () => {
    const member = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await member.goto(webUrl("/"), { waitUntil: "networkidle" })
    await member
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link", { name: "体质辨识" })
      .click()
    await member.getByTestId("start-test").click()
    await member.waitForURL(/\/constitution\/test/)
    await member.getByTestId("questionnaire-sex").getByRole("button", { name: "女" }).click()

    // One question per screen, with the progress bar.
    expect(await member.locator(".q-item:visible").count()).toBe(1)
    const answered: string[] = []
    for (let i = 0; i < 10; i++) answered.push(await answerCurrent(member, false))
    expect(await member.getByTestId("answered-count").innerText()).toBe("10")
    expect(await member.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("10")

    // Back shows the previous answer; forward returns.
    await member.getByRole("button", { name: "上一题" }).click()
    expect(await currentQuestion(member)).toBe(`question-${answered[9]}`)
    expect(
      await member
        .getByTestId(`question-${answered[9]}`)
        .locator("label.q-option.selected")
        .innerText()
    ).toContain(QIXU_ITEMS.has(answered[9]) ? "经常" : "没有")
    await member.getByRole("button", { name: "下一题" }).click()

    // Leaving and coming back resumes where the visitor was.
    await member.reload({ waitUntil: "networkidle" })
    await member
      .getByTestId("questionnaire-resume")
      .getByRole("button", { name: "继续作答" })
      .click()
    expect(await member.getByTestId("answered-count").innerText()).toBe("10")
    expect(await currentQuestion(member)).toBe("question-q11")

    for (let i = 10; i < 60; i++) {
      const code = await answerCurrent(member, i === 59)
      if (code === "q41") {
        expect(await member.getByTestId("question-q41").innerText()).toContain("带下")
      }
    }
    expect(await member.getByTestId("answered-count").innerText()).toBe("60")
    await screenshot(member, "20-constitution-questionnaire")
    await member.getByTestId("submit-questionnaire").click()

    // The visitor's report: radar chart, verdicts in plain words, the CMS's advice.
    await member.waitForURL(/\/constitution\/result/)
    await member.getByTestId("constitution-report").waitFor()
    expect(await member.getByTestId("primary-type").innerText()).toBe("气虚质")
    expect(await member.getByTestId("report-headline").innerText()).toBe("您的体质以气虚质为主。")
    const radarPoints = await member.getByTestId("radar-shape").getAttribute("points")
    expect(radarPoints!.split(" ")).toHaveLength(9)
    expect(await member.getByTestId("constitution-radar").locator("text").count()).toBe(9)
    const scores = await member.getByTestId("score-table").innerText()
    expect(scores).toMatch(/气虚质\s+75\.0\s+符合/)
    expect(scores).toMatch(/平和质\s+56\.3\s+不符合/)
    expect(await member.getByTestId("advice-qixu").innerText()).toMatch(/饮食调养/)
    expect(await member.getByTestId("print-report").innerText()).toBe("打印 / 保存为 PDF")
    await screenshot(member, "21-constitution-guest-report")

    // Saving asks for an account; the answers survive signing up and are saved.
    await member.getByTestId("sign-in-to-save").click()
    await member.waitForURL(/\/account\/sign-in/)
    await member.getByRole("tab", { name: "注册" }).click()
    const form = member.getByTestId("register")
    await form.getByLabel("姓名（选填）").fill("孙体质")
    await form.getByLabel("邮箱").fill(`tizhi-${run}@example.com`)
    await form.getByLabel("密码（至少 8 位）").fill("Secret12345")
    await form.getByLabel("确认密码").fill("Secret12345")
    await form.getByRole("checkbox").check()
    await form.getByRole("button", { name: "注册" }).click()
    await member.waitForURL(/\/constitution\/report\/cass_[^?]+\?saved=1/, { timeout: 30_000 })
    const assessmentId = new URL(member.url()).pathname.split("/").pop()!
    await member.getByTestId("saved-notice").waitFor()
    expect(await member.getByTestId("primary-type").innerText()).toBe("气虚质")
    expect(await member.getByTestId("review-pending").innerText()).toContain("尚未发布")

    // An expert finds the new result in the admin API and publishes a 养生评估报告.
    const expert = await expertToken(run)
    const pending = await call<{ assessments: { id: string; primary: string }[] }>(
      "/admin/constitution/assessments?status=pending",
      { token: expert, admin: true }
    )
    expect(pending.assessments.find((a) => a.id === assessmentId)?.primary).toBe("qixu")
    const summary = `气虚为主，宜补气健脾（${run}）`
    await post(
      `/admin/constitution/assessments/${assessmentId}/review/publish`,
      {
        sections: {
          summary,
          diet: "宜食山药、大枣、黄芪炖鸡。",
          exercise: "八段锦、散步，避免大汗。",
          emotion: "",
          daily: "避免熬夜，注意保暖。",
        },
      },
      { token: expert, admin: true }
    )

    // The member is told in the inbox; the message opens the report with the expert's text.
    await eventually(
      async () => {
        await member.goto(webUrl("/account/inbox"), { waitUntil: "networkidle" })
        return member.getByTestId("inbox-message").filter({ hasText: "养生评估报告已发布" }).count()
      },
      (count) => count === 1
    )
    await member
      .getByTestId("inbox-message")
      .filter({ hasText: "养生评估报告已发布" })
      .getByRole("button")
      .click()
    await member.waitForURL(new RegExp(`/constitution/report/${assessmentId}`))
    const review = member.getByTestId("expert-review")
    await review.waitFor()
    expect(await review.innerText()).toContain(summary)
    expect(await review.innerText()).toContain("李明华专家")
    expect(await review.innerText()).not.toContain("情志调摄")
    await screenshot(member, "22-constitution-expert-review")

    // 「下载 PDF」 gives a file made on the server, Chinese font embedded.
    const [download] = await Promise.all([
      member.waitForEvent("download"),
      member.getByTestId("download-report-pdf").click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^体质辨识报告-\d{4}-\d{2}-\d{2}\.pdf$/)
    const pdf = readFileSync((await download.path())!)
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    const document = await PDFDocument.load(pdf)
    expect(document.getTitle()).toBe("体质辨识报告")
    expect(document.getPageCount()).toBeGreaterThanOrEqual(2)
    const fontNames = document.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict)
      .map((dict) => dict.get(PDFName.of("FontName"))?.toString() ?? "")
    expect(fontNames.some((name) => name.startsWith("/DroidSansFallback"))).toBe(true)

    // 健康档案 › 体质辨识 lists it and links back to the report.
    await member.goto(webUrl("/account/health?tab=assessments"), { waitUntil: "networkidle" })
    expect(await member.getByTestId("assessment-list").innerText()).toContain("气虚质")
  })

  it("an editor's new question bank version scores the next test; the earlier result keeps its version and type", async () => {
    const email = `tiku-${run}@example.com`
    const token = await registerByApi(email, "题库")
    const member = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInOnWeb(member, email, "/constitution/test")
    type Questionnaire = { version: number; label: string; items: Record<string, unknown>[] }
    const questionnaire = async () =>
      (await call<{ questionnaire: Questionnaire }>("/store/constitution/questionnaire"))
        .questionnaire
    const before = await questionnaire()

    // ── Under the current version, the tired sheet is 气虚质 ──
    const earlierId = await answerTiredSheet(member)
    expect(await member.getByTestId("primary-type").innerText()).toBe("气虚质")
    expect(await member.getByTestId("score-table").innerText()).toMatch(/气虚质\s+50\.0\s+符合/)

    // ── The editor publishes a version where 容易疲乏 no longer counts for 气虚质 ──
    const number = await publishQuestionnaireVersion(before)
    await eventually(questionnaire, (current) => current.version === number)

    // ── The same answers now score 气虚质 lower, and 痰湿质 leads ──
    const laterId = await answerTiredSheet(member)
    expect(laterId).not.toBe(earlierId)
    expect(await member.getByTestId("primary-type").innerText()).toBe("痰湿质")
    const scores = await member.getByTestId("score-table").innerText()
    expect(scores).toMatch(/气虚质\s+42\.9\s+符合/)
    expect(scores).toMatch(/痰湿质\s+46\.9\s+符合/)
    expect(await member.getByTestId("report-basis").innerText()).toContain(
      `题库：2027 年修订版（第 ${number} 版）`
    )
    await screenshot(member, "23-constitution-new-question-bank")

    // ── The earlier result is untouched: still 气虚质 at 50.0, under the version it was taken ──
    await member.goto(webUrl(`/constitution/report/${earlierId}`), { waitUntil: "networkidle" })
    expect(await member.getByTestId("primary-type").innerText()).toBe("气虚质")
    expect(await member.getByTestId("score-table").innerText()).toMatch(/气虚质\s+50\.0\s+符合/)
    const basis = await member.getByTestId("report-basis").innerText()
    expect(basis).toContain("（ZYYXH/T157-2009）")
    expect(basis).not.toContain("题库")
    await member.goto(webUrl("/constitution/history"), { waitUntil: "networkidle" })
    const history = member.getByTestId("constitution-history").locator("li")
    expect(await history.locator("strong").allInnerTexts()).toEqual(["痰湿质", "气虚质"])
    type Result = { questionnaire_version: number; item_version: string; primary: string }
    const read = async (id: string) =>
      (await call<{ assessment: Result }>(`/store/constitution/assessments/${id}`, { token }))
        .assessment
    expect(await read(earlierId)).toMatchObject({
      questionnaire_version: before.version,
      item_version: before.label,
      primary: "qixu",
    })
    expect(await read(laterId)).toMatchObject({
      questionnaire_version: number,
      item_version: `2027 年修订版（第 ${number} 版）`,
      primary: "tanshi",
    })
  })
})
