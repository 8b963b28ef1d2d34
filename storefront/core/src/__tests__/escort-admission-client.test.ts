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
})
