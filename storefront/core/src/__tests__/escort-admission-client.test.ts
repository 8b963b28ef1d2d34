import {
  applicantConsentAcceptances,
  legalPageHref,
  loadApplicantConsentTexts,
} from "../escort/applicant-consents"
import { createEscortAdmissionClient } from "../escort/escort-admission-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createEscortAdmissionClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("escort admission client", () => {
  it("signs an applicant in without a bearer, then saves and verifies with their token", async () => {
    const application = { id: "escapp_1", status: "draft", verified: true }
    const { fetch, calls } = recordingFetch(
      { body: { token: "esc_tok" } },
      { body: { application } },
      { body: { application } }
    )
    const admission = client(fetch)
    expect(await admission.signInApplicant("13700000001", "123456")).toBe("esc_tok")
    await admission.saveApplication("esc_tok", {
      real_name: "周晓梅",
      id_number: "430602199003151231",
      city: "长沙市",
      base_location: "岳麓区",
      specialties: ["儿科"],
    })
    expect(await admission.verifyIdentity("esc_tok")).toEqual(application)
    expect(calls.map((call) => [call.init?.method, call.url])).toEqual([
      ["POST", "http://shop/auth/escort/phone/apply"],
      ["POST", "http://shop/escort/admission"],
      ["POST", "http://shop/escort/admission/verify"],
    ])
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
    expect(headersOf(calls[2].init).authorization).toBe("Bearer esc_tok")
  })

  it("uploads a document as multipart with its kind, and passes commerce's refusal on", async () => {
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { document: { id: "escdoc_1", kind: "health_certificate" } } },
      { status: 400, body: { type: "invalid_data", message: "只能上传 JPG、PNG 图片或 PDF 文件" } }
    )
    const admission = client(fetch)
    const pdf = new Blob(["%PDF-1.4"], { type: "application/pdf" })
    expect(
      (await admission.uploadDocument("esc_tok", "health_certificate", pdf, "健康证.pdf")).id
    ).toBe("escdoc_1")
    const form = calls[0].init?.body as FormData
    expect(form.get("kind")).toBe("health_certificate")
    expect(form.get("file")).toBeInstanceOf(Blob)
    await expect(
      admission.uploadDocument("esc_tok", "photo", new Blob(["GIF89a"]), "a.gif")
    ).rejects.toEqual(new ApiError(400, "只能上传 JPG、PNG 图片或 PDF 文件", "invalid_data"))
  })

  it("accepts the consents at the versions shown and withdraws one, passing a 409 on", async () => {
    const view = { documents: [], all_accepted: true, consents: [] }
    const { fetch, calls } = recordingFetch(
      { body: { consents: view } },
      {
        status: 409,
        body: {
          type: "conflict",
          message: "以下文本已更新，请刷新页面重新阅读并同意：「隐私政策」（当前版本 2027-01）",
        },
      },
      { body: { consents: { ...view, all_accepted: false } } }
    )
    const admission = client(fetch)
    const consents = [{ kind: "privacy_policy" as const, version: "2026-12" }]
    expect(await admission.acceptConsents("esc_tok", consents)).toEqual(view)
    expect(JSON.parse(calls[0].init?.body as string)).toEqual({ consents })
    await expect(admission.acceptConsents("esc_tok", consents)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("「隐私政策」"),
    })
    expect((await admission.withdrawConsent("esc_tok", "escacons 1")).all_accepted).toBe(false)
    expect(calls.map((call) => [call.init?.method, call.url])).toEqual([
      ["POST", "http://shop/escort/admission/consents"],
      ["POST", "http://shop/escort/admission/consents"],
      ["POST", "http://shop/escort/admission/consents/escacons%201/withdraw"],
    ])
  })
})

describe("the applicant's consent texts", () => {
  const page = (slug: string, version: string | null) =>
    ({ slug, title: `《${slug}》`, version, body: "正文", kind: "consent" }) as never

  it("sends each text's version once every box is ticked, and links each to its full text", async () => {
    const texts = await loadApplicantConsentTexts(async (slug) => page(slug, "2026-12"))
    expect(applicantConsentAcceptances(texts, { privacy_policy: true })).toEqual({
      refusal: "请阅读并勾选同意：「陪诊员个人信息处理同意」、「陪诊员敏感个人信息处理同意」",
    })
    expect(
      applicantConsentAcceptances(texts, {
        privacy_policy: true,
        applicant_personal_info: true,
        applicant_sensitive_info: true,
      })
    ).toEqual({
      consents: [
        { kind: "privacy_policy", version: "2026-12" },
        { kind: "applicant_personal_info", version: "2026-12" },
        { kind: "applicant_sensitive_info", version: "2026-12" },
      ],
    })
    expect(texts.map((text) => legalPageHref(text.slug))).toEqual([
      "/privacy",
      "/pages/consent-escort-applicant-personal-info",
      "/pages/consent-escort-applicant-sensitive-info",
    ])
  })

  it("refuses while a text is unpublished or the CMS does not answer", async () => {
    const texts = await loadApplicantConsentTexts(async (slug) =>
      slug === "privacy-policy" ? page(slug, "2026-12") : Promise.reject(new Error("down"))
    )
    expect(applicantConsentAcceptances(texts, {})).toEqual({
      refusal: "「陪诊员个人信息处理同意」暂未发布，暂时无法申请，请稍后再试",
    })
  })
})
