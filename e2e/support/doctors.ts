import type { Page } from "playwright-core"
import { webUrl } from "./browser"
import { adminToken, call, commerce, post } from "./commerce-api"
import { waitForSignInCode } from "./sms-inbox"

/**
 * Staff's side, off-screen: the CMS's experts become doctors, and the one named `name` gets
 * `phone` to sign in with, a licence number and a 图文 price. Answers its id (not yet verified).
 */
export async function doctorNamed(name: string, phone: string, textPriceFen = 3000) {
  const staff = { token: await adminToken(), admin: true }
  await post("/admin/consultations/doctors/sync", {}, staff)
  const { doctors } = await call<{ doctors: { id: string; name: string }[] }>(
    "/admin/consultations/doctors",
    staff
  )
  const doctor = doctors.find((one) => one.name === name)
  if (!doctor) throw new Error(`no doctor ${name} among ${doctors.map((d) => d.name).join("、")}`)
  await post(
    `/admin/consultations/doctors/${doctor.id}`,
    { phone, license_number: `110430${phone}`.slice(0, 20), prices: { text: textPriceFen } },
    staff
  )
  return doctor.id
}

/**
 * The only way a doctor is verified: signed in (`doctorToken`), they upload their 执业证书,
 * and staff approve it in the licence review.
 */
export async function approveLicence(doctorId: string, doctorToken: string) {
  const form = new FormData()
  form.append("kind", "practice_license")
  const png = Buffer.from("89504e470d0a1a0a", "hex")
  const licence = Buffer.concat([png, Buffer.from(`医师执业证书 ${doctorId}`)])
  form.append("file", new Blob([new Uint8Array(licence)], { type: "image/png" }), "执业证书.png")
  const uploaded = await fetch(`${commerce()}/doctor/license-documents`, {
    method: "POST",
    headers: { authorization: `Bearer ${doctorToken}` },
    body: form,
  })
  if (uploaded.status !== 201) {
    throw new Error(`licence upload → ${uploaded.status}: ${await uploaded.text()}`)
  }
  const { document } = (await uploaded.json()) as { document: { id: string } }
  await post(
    `/admin/consultations/doctors/${doctorId}/license-documents/${document.id}/review`,
    { decision: "approve" },
    { token: await adminToken(), admin: true }
  )
}

/**
 * Staff's side of the licence review, by API: approves every document the doctor uploaded
 * that still waits (as a reviewer does at /admin/doctor-licenses). Answers how many.
 */
export async function approveUploadedLicences(doctorId: string): Promise<number> {
  const staff = { token: await adminToken(), admin: true }
  const { documents } = await call<{ documents: { id: string; status: string }[] }>(
    `/admin/consultations/doctors/${doctorId}/license-documents`,
    staff
  )
  const waiting = documents.filter((document) => document.status === "pending")
  for (const document of waiting) {
    await post(
      `/admin/consultations/doctors/${doctorId}/license-documents/${document.id}/review`,
      { decision: "approve" },
      staff
    )
  }
  return waiting.length
}

/** The doctor's bearer token, signed in by API with the code texted to `phone`. */
export async function doctorTokenByApi(phone: string) {
  const asked = new Date()
  await post("/store/auth/sms-codes", { phone, purpose: "login" })
  const code = await waitForSignInCode(phone, asked)
  const { token } = await post<{ token: string }>("/auth/doctor/phone", { phone, code })
  return token
}

/** The doctor's bearer token, from the web's httpOnly cookie after signing in there. */
export async function doctorTokenOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies(webUrl("/"))).find((c) => c.name === "doctor_token")
  if (!cookie) throw new Error("the web set no doctor_token cookie: not signed in?")
  return cookie.value
}

/**
 * The doctor signs in to the 在线诊室 with the code texted to `phone`: a verified doctor lands
 * on the desk, one whose licence staff have not verified yet on 资质认证 (/doctor/licence).
 */
export async function signInAsDoctor(page: Page, phone: string) {
  await page.goto(webUrl("/doctor/sign-in"), { waitUntil: "networkidle" })
  const form = page.getByTestId("doctor-sign-in")
  await form.locator('input[name="phone"]').fill(phone)
  const asked = new Date()
  await form.getByRole("button", { name: "获取验证码" }).click()
  await form.locator('input[name="code"]').fill(await waitForSignInCode(phone, asked))
  await form.getByRole("button", { name: "登录工作台" }).click()
  await page.waitForURL((url) => url.pathname === "/doctor" || url.pathname === "/doctor/licence")
}

/** A member signs in on the web with email and password and lands on `next`. */
export async function signInOnWeb(page: Page, email: string, next: string) {
  await page.goto(webUrl(`/account/sign-in?tab=password&next=${encodeURIComponent(next)}`), {
    waitUntil: "networkidle",
  })
  const signIn = page.getByTestId("password-sign-in")
  await signIn.getByLabel("邮箱").fill(email)
  await signIn.getByLabel("密码").fill("Secret12345")
  await signIn.getByRole("button", { name: "登录" }).click()
  await page.waitForURL((url) => url.pathname === next.split("?")[0])
}
