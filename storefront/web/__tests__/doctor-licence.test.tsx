import {
  ApiError,
  createDoctorLicenceClient,
  type DoctorLicenceDocument,
  type DoctorLicences,
  type FetchLike,
} from "@health/core"
import { act, fireEvent, render, screen, within } from "@testing-library/react"
import { DoctorLicenceView } from "@/app/doctor/_components/doctor-licence"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"
import type { UploadRequest } from "@/lib/upload-with-progress"

const redirect = jest.fn((to: string) => {
  throw new Error(`NEXT_REDIRECT ${to}`)
})
jest.mock("next/navigation", () => ({ redirect: (to: string) => redirect(to) }))
let token: string | undefined
jest.mock("@/lib/doctor-app-session", () => ({ readDoctorToken: async () => token }))
const documents = jest.fn()
jest.mock("@/lib/backends", () => ({
  doctorLicences: { documents: (...args: unknown[]) => documents(...args) },
}))

const { requireDoctor } =
  require("@/app/doctor/_components/require-doctor") as typeof import("@/app/doctor/_components/require-doctor")

// jsdom has no Response: the few parts @health/core reads.
const answer = (status: number, body: unknown) =>
  ({ ok: status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response

const doc = (extra: Partial<DoctorLicenceDocument> = {}): DoctorLicenceDocument => ({
  id: "dlic_1",
  kind: "practice_license",
  kind_label: "医师执业证书",
  status: "pending",
  status_label: "待审核",
  rejection_reason: null,
  mime_type: "image/png",
  size: 2048,
  reviewed_at: null,
  created_at: "2026-12-07T02:05:00.000Z",
  ...extra,
})

/** A fake relay answering GET /doctor/license-documents with the queued pages. */
function fakeRelay(pages: { status: number; body: unknown }[]) {
  const calls: string[] = []
  const fetch: FetchLike = async (url, init) => {
    calls.push(`${init?.method ?? "GET"} ${url.replace(DOCTOR_RELAY_BASE, "")}`)
    const next = pages.shift() ?? { status: 200, body: { license_verified: false, documents: [] } }
    return answer(next.status, next.body)
  }
  return {
    api: createDoctorLicenceClient({ baseUrl: DOCTOR_RELAY_BASE, publishableKey: "", fetch }),
    calls,
  }
}
const ok = (body: DoctorLicences) => ({ status: 200, body })

/** Stands in for XMLHttpRequest: the test drives progress and the answer. */
function fakeRequest() {
  const request = {
    sent: undefined as FormData | undefined,
    url: "",
    status: 0,
    responseText: "",
    upload: {} as { onprogress?: (event: Partial<ProgressEvent>) => void },
    onload: null as null | (() => void),
    onerror: null as null | (() => void),
    onabort: null as null | (() => void),
    open(_method: string, url: string) {
      request.url = url
    },
    send(body: FormData) {
      request.sent = body
    },
    progress(loaded: number, total: number) {
      request.upload.onprogress?.({ lengthComputable: true, loaded, total })
    },
    answer(status: number, body: unknown) {
      request.status = status
      request.responseText = JSON.stringify(body)
      request.onload?.()
    },
  }
  return request
}
const asRequest = (fake: ReturnType<typeof fakeRequest>) => fake as unknown as UploadRequest

describe("在线诊室 · 资质认证", () => {
  it("shows the empty state and that 接诊 opens after review to an unverified doctor", async () => {
    const { api, calls } = fakeRelay([ok({ license_verified: false, documents: [] })])
    render(<DoctorLicenceView api={api} />)
    expect((await screen.findByTestId("doctor-licence-empty")).textContent).toContain(
      "尚未上传资质文件"
    )
    expect(screen.getByTestId("doctor-licence-unverified").textContent).toContain(
      "审核通过后即可接诊"
    )
    expect(calls).toEqual(["GET /doctor/license-documents"])
  })

  it("lists each document with its kind, upload time (Shanghai), status and the reason", async () => {
    const { api } = fakeRelay([
      ok({
        license_verified: true,
        documents: [
          doc({ id: "dlic_1", status: "approved", status_label: "已通过" }),
          doc({
            id: "dlic_2",
            kind: "title_certificate",
            kind_label: "职称证书",
            status: "rejected",
            status_label: "已驳回",
            rejection_reason: "照片模糊，请重新拍摄",
          }),
        ],
      }),
    ])
    render(<DoctorLicenceView api={api} />)
    const rows = await screen.findAllByTestId("doctor-licence-document")
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain("执业证书")
    expect(rows[0].textContent).toContain("2026-12-07 10:05")
    expect(rows[0].textContent).toContain("已通过")
    expect(rows[1].textContent).toContain("职称证书")
    expect(rows[1].textContent).toContain("已驳回")
    expect(rows[1].textContent).toContain("驳回原因：照片模糊，请重新拍摄")
    expect(screen.getByTestId("doctor-licence-verified")).toBeTruthy()
    expect(screen.queryByTestId("doctor-licence-empty")).toBeNull()
  })

  it("refuses a wrong type or too large a file in Chinese before sending anything", async () => {
    const fake = fakeRequest()
    const { api } = fakeRelay([ok({ license_verified: false, documents: [] })])
    render(<DoctorLicenceView api={api} makeRequest={() => asRequest(fake)} />)
    const input = await screen.findByLabelText(/证书照片或 PDF/)
    const button = screen.getByRole("button", { name: "上传" }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    fireEvent.change(input, {
      target: { files: [new File(["x"], "证书.gif", { type: "image/gif" })] },
    })
    expect(screen.getByRole("alert").textContent).toBe("「证书.gif」不是 JPG、PNG 图片或 PDF 文件")
    expect(button.disabled).toBe(true)
    const big = new File(["x"], "证书.png", { type: "image/png" })
    Object.defineProperty(big, "size", { value: 10 * 1024 * 1024 + 1 })
    fireEvent.change(input, { target: { files: [big] } })
    expect(screen.getByRole("alert").textContent).toBe("「证书.png」超过 10 MB，请压缩后再上传")
    expect(fake.sent).toBeUndefined()
  })

  it("uploads the chosen kind through the relay with progress, then lists it 待审核", async () => {
    const fake = fakeRequest()
    const { api, calls } = fakeRelay([
      ok({ license_verified: false, documents: [] }),
      ok({ license_verified: false, documents: [doc({ kind: "qualification" })] }),
    ])
    render(<DoctorLicenceView api={api} makeRequest={() => asRequest(fake)} />)
    fireEvent.change(await screen.findByLabelText("文件类型"), {
      target: { value: "qualification" },
    })
    const pdf = new File(["%PDF-1.4"], "资格证书.pdf", { type: "application/pdf" })
    fireEvent.change(screen.getByLabelText(/证书照片或 PDF/), { target: { files: [pdf] } })
    expect(screen.queryByRole("alert")).toBeNull()
    await act(async () => fireEvent.submit(screen.getByTestId("doctor-licence-upload")))
    expect(fake.url).toBe("/doctor/relay/doctor/license-documents")
    expect(fake.sent?.get("kind")).toBe("qualification")
    expect((fake.sent?.get("file") as File).name).toBe("资格证书.pdf")
    act(() => fake.progress(30, 100))
    expect(screen.getByRole("status").textContent).toBe("正在上传 30%")
    expect((screen.getByRole("button", { name: "上传中…" }) as HTMLButtonElement).disabled).toBe(
      true
    )
    await act(async () => fake.answer(201, { document: doc({ kind: "qualification" }) }))
    const row = await screen.findByTestId("doctor-licence-document")
    expect(within(row).getByText("资格证书")).toBeTruthy()
    expect(within(row).getByText("待审核")).toBeTruthy()
    expect(screen.getByText("已上传资格证书，请等待平台审核")).toBeTruthy()
    expect(calls).toEqual(["GET /doctor/license-documents", "GET /doctor/license-documents"])
  })

  it("shows commerce's 4xx message when it refuses the file", async () => {
    const fake = fakeRequest()
    const { api } = fakeRelay([ok({ license_verified: false, documents: [] })])
    render(<DoctorLicenceView api={api} makeRequest={() => asRequest(fake)} />)
    const renamed = new File(["GIF89a"], "执业证书.png", { type: "image/png" })
    fireEvent.change(await screen.findByLabelText(/证书照片或 PDF/), {
      target: { files: [renamed] },
    })
    await act(async () => fireEvent.submit(screen.getByTestId("doctor-licence-upload")))
    await act(async () =>
      fake.answer(400, { type: "invalid_data", message: "只能上传 JPG、PNG 图片或 PDF 文件" })
    )
    expect(screen.getByRole("alert").textContent).toBe("只能上传 JPG、PNG 图片或 PDF 文件")
  })

  it("offers to sign in again when the doctor's session has expired", async () => {
    const { api } = fakeRelay([{ status: 401, body: { message: "Unauthorized" } }])
    render(<DoctorLicenceView api={api} />)
    expect((await screen.findByRole("alert")).textContent).toBe("登录已过期，请重新登录")
    expect(screen.getByRole("link", { name: "重新登录" }).getAttribute("href")).toBe(
      "/doctor/sign-in"
    )
  })
})

describe("requireDoctor", () => {
  beforeEach(() => {
    redirect.mockClear()
    documents.mockReset()
    token = "doc_tok"
  })

  it("sends a doctor without the cookie to 医生登录", async () => {
    token = undefined
    await expect(requireDoctor()).rejects.toThrow("NEXT_REDIRECT /doctor/sign-in")
  })

  it("sends a doctor whose licence is not verified to 资质认证, instead of a page that 400s", async () => {
    documents.mockResolvedValue({ license_verified: false, documents: [] })
    await expect(requireDoctor()).rejects.toThrow("NEXT_REDIRECT /doctor/licence")
    expect(documents).toHaveBeenCalledWith("doc_tok")
  })

  it("lets a verified doctor through, and opens 资质认证 itself without asking", async () => {
    documents.mockResolvedValue({ license_verified: true, documents: [] })
    await expect(requireDoctor()).resolves.toBeUndefined()
    documents.mockClear()
    await expect(requireDoctor({ allowUnverified: true })).resolves.toBeUndefined()
    expect(documents).not.toHaveBeenCalled()
    expect(redirect).not.toHaveBeenCalled()
  })

  it("goes on to the page (and its own notice) when commerce cannot say", async () => {
    documents.mockRejectedValue(new ApiError(502, "网络繁忙"))
    await expect(requireDoctor()).resolves.toBeUndefined()
    expect(redirect).not.toHaveBeenCalled()
  })
})
