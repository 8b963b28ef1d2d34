import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot, webUrl } from "../support/browser"
import { adminToken, commerce, eventually } from "../support/commerce-api"
import {
  approveLicence,
  doctorNamed,
  doctorTokenOf,
  signInAsDoctor,
  signInOnWeb,
} from "../support/doctors"
import { activateKit, labReport, releaseReport, shipKitOfOrder } from "../support/lab"
import { placeOrderPaidOffline, registerByApi } from "../support/members"

// Issue #22's 检测评估报告, in the browser: a member grants an expert their gene report and an
// uploaded hospital record (a separate consent with an end date), the expert opens each at the
// 在线诊室 and publishes the report, and the member reads it beside every read the expert made,
// on the assessment's page and in the health archive's 访问记录.

/** Opens a granted item's link (a new tab, as the desk does) and waits for it to load. */
async function openInNewTab(page: Page, name: string) {
  const [tab] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("link", { name, exact: true }).click(),
  ])
  await tab.waitForLoadState().catch(() => {})
  await tab.close()
}

describe("检测评估报告: an expert reads the items a member granted, every read in their log", () => {
  let browser: Browser
  const run = Date.now().toString(36)
  const memberEmail = `assessment-${run}@example.com`
  const expertPhone = `135${String(Date.now()).slice(-8)}`
  let expertId: string

  beforeAll(async () => {
    browser = await launchBrowser()
    // Off-screen setup: the expert 李明华 with this run's phone, and a member whose archive has
    // a released gene report (bought, shipped, activated, reported by the lab) and a hospital
    // record upload.
    expertId = await doctorNamed("李明华", expertPhone)
    const token = await registerByApi(memberEmail, "评估")
    const admin = await adminToken()
    const orderId = await placeOrderPaidOffline(token, "tumor-risk-gene-test", admin)
    const kit = await shipKitOfOrder(orderId, admin)
    await activateKit(token, kit.barcode, "评估会员")
    await releaseReport(kit, admin)
    const form = new FormData()
    form.append(
      "files",
      new Blob([new Uint8Array(await labReport("HOSPITAL-CHECKUP-2026"))], {
        type: "application/pdf",
      }),
      "体检报告.pdf"
    )
    const uploaded = await fetch(`${commerce()}/store/health-archive/uploads`, {
      method: "POST",
      headers: {
        "x-publishable-api-key": process.env.E2E_PUBLISHABLE_KEY || "",
        authorization: `Bearer ${token}`,
      },
      body: form,
    })
    if (!uploaded.ok) throw new Error(`upload → ${uploaded.status}: ${await uploaded.text()}`)
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("grant → the expert opens each item and publishes → the member sees the report and every read", async () => {
    // ── The expert signs in to the 在线诊室; their 执业证书 is approved (off-screen) ──
    const expert = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInAsDoctor(expert, expertPhone)
    await approveLicence(expertId, await doctorTokenOf(expert))

    // ── The member asks 李明华 for an assessment and grants two archive items ──
    const member = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInOnWeb(member, memberEmail, "/account/assessments")
    const grant = member.getByTestId("assessment-grant-form")
    const expertOption = grant.locator("option", { hasText: "李明华" })
    await grant.getByLabel("评估专家").selectOption((await expertOption.getAttribute("value"))!)
    await grant.getByLabel("希望专家评估的内容").fill("请结合基因检测和体检结果评估我的肿瘤风险")
    await grant.getByLabel(/检测报告 · /).check()
    await grant.getByLabel(/医院资料 · 体检报告\.pdf/).check()
    await grant.getByLabel(/档案资料授权书/).check()
    await grant.getByRole("button", { name: "同意授权并提交" }).click()
    await member.waitForURL(/\/account\/assessments\/[^/]+$/)
    const assessmentPath = new URL(member.url()).pathname
    const detail = member.getByTestId("assessment-detail")
    expect(await detail.innerText()).toContain("专家还没有查看您的资料。")

    // ── The expert opens both items at the 在线诊室 and the report's findings ──
    await expert.goto(webUrl("/doctor/assessments"), { waitUntil: "networkidle" })
    await expert
      .getByTestId("expert-assessments")
      .locator("li", { hasText: "请结合基因检测和体检结果评估我的肿瘤风险" })
      .getByRole("link", { name: "打开" })
      .click()
    await expert.getByTestId("expert-assessment").waitFor()
    await openInNewTab(expert, "检测报告")
    await openInNewTab(expert, "医院资料")
    // The findings (what the lab or the parser recorded, or a note that there are none yet).
    await expert.getByTestId("open-findings").click()
    await expert.getByTestId("open-findings").waitFor({ state: "detached" })

    // ── …writes the 检测评估报告 and publishes it to the member ──
    const bodies = [
      "肿瘤风险基因检测未检出 BRCA1 致病变异；体检提示血脂偏高。",
      "遗传性乳腺癌风险与一般人群相近，心血管风险需关注。",
      "清淡饮食，每周快走三次，每次 30 分钟；一年后复查血脂。",
    ]
    for (const [index, body] of bodies.entries()) {
      await expert.getByLabel(`第 ${index + 1} 节正文`).fill(body)
    }
    await expert.getByRole("button", { name: "发布报告并推送给会员" }).click()
    await expert.getByText("已发布第 1 版，会员已收到通知").waitFor()
    await screenshot(expert, "assessment-01-expert-published")

    // ── The member reads the report and the expert's three reads, each named ──
    await member.goto(webUrl(assessmentPath), { waitUntil: "networkidle" })
    const report = member.getByTestId("assessment-report")
    expect(await report.locator("h2").innerText()).toBe("检测评估报告")
    expect(await report.innerText()).toContain(bodies[0])
    expect(await report.innerText()).toMatch(/第 1 版 · 李明华/)
    const reads = member.getByTestId("assessment-reads").locator("li")
    expect(await reads.count()).toBe(3)
    const readLines = (await reads.allInnerTexts()).map((line) => line.replace(/^.* · /, ""))
    expect(readLines.sort()).toEqual(
      ["李明华 查看了检测报告", "李明华 查看了医院资料", "李明华 查看了检测报告的结果解读"].sort()
    )
    await screenshot(member, "assessment-02-member-report-and-reads")

    // ── 健康档案 › 访问记录 lists the same three reads under the expert's name ──
    const lines = await eventually(
      async () => {
        await member.goto(webUrl("/account/health?tab=access"), { waitUntil: "networkidle" })
        return member.getByTestId("access-log-entry").allInnerTexts()
      },
      (texts) => texts.filter((text) => text.includes("医生 李明华")).length >= 3
    )
    expect(
      lines
        .filter((text) => text.includes("医生 李明华"))
        .map((text) => text.replace(/^\S+ \S+ /, ""))
        .sort()
    ).toEqual(
      [
        "医生 李明华 查看了（检测评估授权）检测报告",
        "医生 李明华 查看了（检测评估授权）上传的医院资料",
        "医生 李明华 查看了（检测评估授权）检测报告的结果解读",
      ].sort()
    )
    expect(lines.some((text) => text.includes("您本人 授权专家查看"))).toBe(true)
    await screenshot(member, "assessment-03-member-access-log")
  })
})
