import {
  createDoctorLicenceClient,
  doctorLicenceFileProblem,
} from "../consultation/doctor-licence-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: FetchLike) => ({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("doctor licence client", () => {
  it("reads the doctor's own documents and whether they are verified, never from a cache", async () => {
    const answer = {
      license_verified: false,
      documents: [
        {
          id: "dlic_1",
          kind: "practice_license",
          kind_label: "医师执业证书",
          status: "rejected",
          status_label: "已驳回",
          rejection_reason: "照片模糊",
          mime_type: "image/png",
          size: 2048,
          reviewed_at: "2026-12-07T03:00:00.000Z",
          created_at: "2026-12-07T02:00:00.000Z",
        },
      ],
    }
    const { fetch, calls } = recordingFetch({ body: answer })
    const client = createDoctorLicenceClient(options(fetch))
    expect(await client.documents("tok")).toEqual(answer)
    expect(calls[0].url).toBe("http://shop/doctor/license-documents")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect((calls[0].init as { cacheHint?: string }).cacheHint).toBe("no-store")
  })

  it("uploads one file as multipart kind + file, letting the form set its content type", async () => {
    const document = { id: "dlic_2", kind: "qualification", status: "pending" }
    const { fetch, calls } = recordingFetch({ status: 201, body: { document } })
    const client = createDoctorLicenceClient(options(fetch))
    const file = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46])], { type: "application/pdf" })
    expect(await client.upload("", "qualification", file, "资格证书.pdf")).toEqual(document)
    expect(calls[0].url).toBe("http://shop/doctor/license-documents")
    expect(calls[0].init?.method).toBe("POST")
    const body = calls[0].init?.body as FormData
    expect(body).toBeInstanceOf(FormData)
    expect(body.get("kind")).toBe("qualification")
    const sent = body.get("file") as File
    expect(sent.name).toBe("资格证书.pdf")
    expect(sent.size).toBe(4)
    expect(headersOf(calls[0].init)["content-type"]).toBeUndefined()
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
  })

  it("surfaces commerce's Chinese refusal of a file", async () => {
    const { fetch } = recordingFetch({
      status: 400,
      body: { type: "invalid_data", message: "只能上传 JPG、PNG 图片或 PDF 文件" },
    })
    const client = createDoctorLicenceClient(options(fetch))
    const refused = await client
      .upload("tok", "practice_license", new Blob(["GIF89a"]), "a.gif")
      .catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.status).toBe(400)
    expect(refused.message).toBe("只能上传 JPG、PNG 图片或 PDF 文件")
  })
})

describe("doctorLicenceFileProblem", () => {
  const file = (name: string, size: number, type: string) => ({ name, size, type })

  it("accepts JPEG, PNG and PDF up to 10 MB, by type or by name when the type is unknown", () => {
    expect(doctorLicenceFileProblem(file("a.jpg", 1, "image/jpeg"))).toBeNull()
    expect(doctorLicenceFileProblem(file("a.png", 10 * 1024 * 1024, "image/png"))).toBeNull()
    expect(doctorLicenceFileProblem(file("a.PDF", 5, ""))).toBeNull()
    expect(doctorLicenceFileProblem(file("a.pdf", 5, "application/octet-stream"))).toBeNull()
  })

  it("says in Chinese what is wrong: nothing chosen, another type, empty, too large", () => {
    expect(doctorLicenceFileProblem(null)).toBe("请选择要上传的证书照片或 PDF")
    expect(doctorLicenceFileProblem(file("证书.webp", 5, "image/webp"))).toBe(
      "「证书.webp」不是 JPG、PNG 图片或 PDF 文件"
    )
    expect(doctorLicenceFileProblem(file("证书.docx", 5, ""))).toContain("不是 JPG、PNG")
    expect(doctorLicenceFileProblem(file("a.png", 0, "image/png"))).toBe("「a.png」是空文件")
    expect(doctorLicenceFileProblem(file("a.png", 10 * 1024 * 1024 + 1, "image/png"))).toBe(
      "「a.png」超过 10 MB，请压缩后再上传"
    )
  })
})
