import { Client } from "pg"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"
import { screenshot, webUrl } from "../support/browser"
import { adminToken, call, post } from "../support/commerce-api"
import { approveUploadedLicences } from "../support/doctors"
import { registerByApi } from "../support/members"
import { waitForSignInCode } from "../support/sms-inbox"

// Issue #22's 视频问诊, in the browser: a member and the assigned doctor, each in their own
// Chromium with a fake camera and microphone, enter the consultation's video room on the web;
// the call is signalled through our WebSocket service, and getStats() on both pages shows
// picture and sound arriving on both sides. Hanging up records the call's length. The doctor
// signs in on the web once: not yet verified, they land on 资质认证 and upload their 执业证书,
// which staff approve (by API) before the member can ask them.

/** Chromium with a generated camera picture and microphone tone, and no permission prompt. */
function launchWithFakeMedia(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      "--autoplay-policy=no-user-gesture-required",
    ],
  })
}

/** Bytes of picture and sound this page has received so far (the page reads getStats()). */
async function received(page: Page) {
  const line = page.getByTestId("video-call-received")
  await line.waitFor({ timeout: 30_000 })
  return {
    video: Number(await line.getAttribute("data-video-bytes")),
    audio: Number(await line.getAttribute("data-audio-bytes")),
  }
}

/** Waits until both kinds of inbound bytes grew past `since` (the page refreshes them each second). */
async function mediaGrows(page: Page, since: { video: number; audio: number }) {
  const deadline = Date.now() + 30_000
  let now = await received(page)
  while ((now.video <= since.video || now.audio <= since.audio) && Date.now() < deadline) {
    await page.waitForTimeout(500)
    now = await received(page)
  }
  return now
}

describe("视频问诊: member and doctor see and hear each other through our signalling", () => {
  const browsers: Browser[] = []
  const contexts: BrowserContext[] = []
  const run = Date.now().toString(36)
  const memberEmail = `video-member-${run}@example.com`
  const doctorPhone = `137${String(Date.now()).slice(-8)}`
  let doctorId: string
  let memberToken: string
  let consultationId: string
  const pageErrors: string[] = []

  const newPage = async () => {
    const browser = await launchWithFakeMedia()
    browsers.push(browser)
    const context = await browser.newContext({
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      viewport: { width: 1280, height: 900 },
      permissions: ["camera", "microphone"],
    })
    contexts.push(context)
    const page = await context.newPage()
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`))
    return page
  }

  beforeAll(async () => {
    // Staff's side, off-screen: the CMS's experts become doctors; one gets this run's phone,
    // a licence number and a price (verified only once their 执业证书 is approved, below).
    const staff = { token: await adminToken(), admin: true }
    await post("/admin/consultations/doctors/sync", {}, staff)
    const { doctors } = await call<{ doctors: { id: string }[] }>(
      "/admin/consultations/doctors",
      staff
    )
    doctorId = doctors[0].id
    await post(
      `/admin/consultations/doctors/${doctorId}`,
      { phone: doctorPhone, license_number: `1104300${run}`.slice(0, 20), prices: { text: 3000 } },
      staff
    )
    memberToken = await registerByApi(memberEmail, "视频")
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    for (const browser of browsers) await browser.close().catch(() => {})
  })

  /**
   * The member asks; booking a video slot and paying are another journey's subject (and the
   * store API takes mode "video" only once slots exist), so the consultation is made a paid
   * video one in the database, as a paid booking leaves it.
   */
  async function paidVideoConsultation() {
    const { consultation } = await post<{ consultation: { id: string } }>(
      "/store/consultations",
      {
        doctor_id: doctorId,
        mode: "text",
        question: "孩子湿疹反复两个月，想视频让医生看看皮肤情况",
      },
      { token: memberToken }
    )
    const db = new Client({ connectionString: process.env.E2E_COMMERCE_DATABASE_URL })
    await db.connect()
    try {
      await db.query(
        `update consultation set mode = 'video', status = 'awaiting_doctor', paid_at = now()
         where id = $1`,
        [consultation.id]
      )
    } finally {
      await db.end()
    }
    return consultation.id
  }

  it("connects both sides, media flows both ways, and the call is recorded", async () => {
    // ── The doctor signs in to the 在线诊室 with an SMS code: not yet verified, they land on
    // 资质认证 and upload their 执业证书 there ──
    const doctor = await newPage()
    await doctor.goto(webUrl("/doctor/sign-in"), { waitUntil: "networkidle" })
    const form = doctor.getByTestId("doctor-sign-in")
    await form.locator('input[name="phone"]').fill(doctorPhone)
    const asked = new Date()
    await form.getByRole("button", { name: "获取验证码" }).click()
    await form.locator('input[name="code"]').fill(await waitForSignInCode(doctorPhone, asked))
    await form.getByRole("button", { name: "登录工作台" }).click()
    await doctor.waitForURL((url) => url.pathname === "/doctor/licence")
    // (Another journey may have verified this doctor before, under an earlier licence number:
    // their earlier documents are listed too, so only this run's upload is counted.)
    expect(await doctor.getByTestId("doctor-licence-unverified").innerText()).toContain(
      "审核通过后即可接诊"
    )
    const upload = doctor.getByTestId("doctor-licence-upload")
    await upload.getByLabel("文件类型").selectOption("practice_license")
    const png = Buffer.from("89504e470d0a1a0a", "hex")
    await upload.locator('input[type="file"]').setInputFiles({
      name: "执业证书.png",
      mimeType: "image/png",
      buffer: Buffer.concat([png, Buffer.from(`医师执业证书 ${doctorId}`)]),
    })
    await upload.getByRole("button", { name: "上传" }).click()
    const uploaded = doctor.locator(
      '[data-testid="doctor-licence-document"][data-status="pending"]'
    )
    await uploaded.waitFor({ timeout: 20_000 })
    expect(await uploaded.innerText()).toContain("执业证书")
    expect(await uploaded.innerText()).toContain("待审核")
    await doctor.getByText("已上传执业证书，请等待平台审核").waitFor()
    await screenshot(doctor, "video-00-doctor-licence-uploaded")

    // ── Staff approve it in the licence review (by API); the doctor's desk opens ──
    expect(await approveUploadedLicences(doctorId)).toBe(1)
    await doctor.reload({ waitUntil: "networkidle" })
    await doctor.getByTestId("doctor-licence-verified").waitFor()
    expect(await uploaded.count()).toBe(0)
    await doctor.goto(webUrl("/doctor"), { waitUntil: "networkidle" })
    expect(new URL(doctor.url()).pathname).toBe("/doctor")
    consultationId = await paidVideoConsultation()

    // ── The member signs in on the web and opens the consultation ──
    const member = await newPage()
    const consultationPage = `/account/consultations/${consultationId}`
    await member.goto(
      webUrl(`/account/sign-in?tab=password&next=${encodeURIComponent(consultationPage)}`),
      { waitUntil: "networkidle" }
    )
    const signIn = member.getByTestId("password-sign-in")
    await signIn.getByLabel("邮箱").fill(memberEmail)
    await signIn.getByLabel("密码").fill("Secret12345")
    await signIn.getByRole("button", { name: "登录" }).click()
    await member.waitForURL((url) => url.pathname === consultationPage)
    await member.getByTestId("open-video-room").click()
    await member.waitForURL((url) => url.pathname === `${consultationPage}/video`)
    await member.getByRole("button", { name: "进入视频诊室" }).click()
    await member
      .locator('[data-testid="video-call-state"][data-state="waiting-peer"]')
      .waitFor({ timeout: 20_000 })

    // ── The doctor, signed in above, opens the consultation and joins ──
    await doctor.goto(webUrl(`/doctor/consultations/${consultationId}`), {
      waitUntil: "networkidle",
    })
    await doctor.getByTestId("open-video-room").click()
    await doctor.waitForURL((url) => url.pathname.endsWith("/video"))
    await doctor.getByRole("button", { name: "进入视频诊室" }).click()

    // ── Both connected: picture and sound arrive on both sides, and keep arriving ──
    for (const page of [member, doctor]) {
      await page
        .locator('[data-testid="video-call-state"][data-state="connected"]')
        .waitFor({ timeout: 30_000 })
    }
    const first = { member: await mediaGrows(member, { video: 0, audio: 0 }) }
    const firstDoctor = await mediaGrows(doctor, { video: 0, audio: 0 })
    const later = {
      member: await mediaGrows(member, first.member),
      doctor: await mediaGrows(doctor, firstDoctor),
    }
    expect(later.member.video).toBeGreaterThan(first.member.video)
    expect(later.member.audio).toBeGreaterThan(first.member.audio)
    expect(later.doctor.video).toBeGreaterThan(firstDoctor.video)
    expect(later.doctor.audio).toBeGreaterThan(firstDoctor.audio)
    await screenshot(member, "video-01-member-connected")
    await screenshot(doctor, "video-02-doctor-connected")

    // ── The doctor hangs up: the member sees it, and the call is in both histories ──
    await doctor.getByRole("button", { name: "挂断" }).click()
    await member
      .locator('[data-testid="video-call-state"][data-state="peer-left"]')
      .waitFor({ timeout: 20_000 })
    await member.reload({ waitUntil: "networkidle" })
    const history = member.getByTestId("video-call-history")
    await history.getByText(/结束/).waitFor({ timeout: 20_000 })
    expect(await history.innerText()).toContain("累计通话")
    expect(pageErrors).toEqual([])
  })
})
