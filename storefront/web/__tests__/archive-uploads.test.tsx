import type { ArchiveUpload } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { UploadForm } from "@/components/health/upload-form"
import { UploadGrid } from "@/components/health/upload-grid"
import { uploadWithProgress, type UploadRequest } from "@/lib/upload-with-progress"

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn() }) }))

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

describe("uploadWithProgress", () => {
  it("reports progress and resolves with the JSON answer", async () => {
    const fake = fakeRequest()
    const seen: number[] = []
    const done = uploadWithProgress(
      "/api/x",
      new FormData(),
      (p) => seen.push(p),
      () => asRequest(fake)
    )
    fake.progress(25, 100)
    fake.progress(2, 3)
    fake.answer(201, { uploads: [] })
    await expect(done).resolves.toEqual({ ok: true, body: { uploads: [] } })
    expect(fake.url).toBe("/api/x")
    expect(seen).toEqual([25, 67, 100])
  })

  it("passes the server's message on, and says when the network drops", async () => {
    const refused = fakeRequest()
    const first = uploadWithProgress(
      "/api/x",
      new FormData(),
      () => {},
      () => asRequest(refused)
    )
    refused.answer(400, { message: "「a.heic」不是 JPG、PNG、WebP 图片或 PDF 文件" })
    await expect(first).resolves.toEqual({
      ok: false,
      message: "「a.heic」不是 JPG、PNG、WebP 图片或 PDF 文件",
    })
    const dropped = fakeRequest()
    const second = uploadWithProgress(
      "/api/x",
      new FormData(),
      () => {},
      () => asRequest(dropped)
    )
    dropped.onerror?.()
    await expect(second).resolves.toEqual({ ok: false, message: "网络中断，上传未完成，请重试" })
  })
})

describe("UploadForm", () => {
  it("checks the selection, shows progress while uploading, then says it is done", async () => {
    const fake = fakeRequest()
    const onUploaded = jest.fn()
    render(<UploadForm makeRequest={() => asRequest(fake)} onUploaded={onUploaded} />)
    const input = screen.getByLabelText(/选择照片或 PDF/)
    const button = screen.getByRole("button", { name: "上传" }) as HTMLButtonElement
    expect(button.disabled).toBe(true)

    fireEvent.change(input, {
      target: { files: [new File(["x"], "a.gif", { type: "image/gif" })] },
    })
    expect(screen.getByRole("alert").textContent).toBe(
      "「a.gif」不是 JPG、PNG、WebP 图片或 PDF 文件"
    )
    expect(button.disabled).toBe(true)

    const pdf = new File(["%PDF"], "出院小结.pdf", { type: "application/pdf" })
    fireEvent.change(input, { target: { files: [pdf] } })
    expect(screen.queryByRole("alert")).toBeNull()
    expect(screen.getByText("出院小结.pdf")).toBeTruthy()
    fireEvent.change(screen.getByLabelText("备注（可选）"), { target: { value: "2025 年住院" } })

    await act(async () => fireEvent.submit(screen.getByTestId("upload-form")))
    expect(fake.sent?.get("files")).toBeInstanceOf(File)
    expect(fake.sent?.get("note")).toBe("2025 年住院")
    act(() => fake.progress(40, 100))
    expect(screen.getByRole("status").textContent).toBe("正在上传 40%")
    expect((screen.getByRole("button", { name: "上传中…" }) as HTMLButtonElement).disabled).toBe(
      true
    )
    await act(async () => fake.answer(201, { uploads: [{ id: "up_1" }] }))
    expect(screen.getByRole("status").textContent).toBe("已上传 1 个文件")
    expect(onUploaded).toHaveBeenCalled()
  })
})

describe("UploadGrid", () => {
  const uploads: ArchiveUpload[] = [
    {
      id: "up_1",
      kind: "image",
      filename: "化验单.jpg",
      mime_type: "image/jpeg",
      size: 820 * 1024,
      note: "血常规",
      created_at: "2026-11-20T02:00:00Z",
    },
    {
      id: "up_2",
      kind: "pdf",
      filename: "出院小结.pdf",
      mime_type: "application/pdf",
      size: 2 * 1024 * 1024,
      note: null,
      created_at: "2026-11-21T02:00:00Z",
    },
  ]

  it("shows photos as thumbnails and PDFs as icons, served by our route", () => {
    render(<UploadGrid uploads={uploads} remove={jest.fn()} />)
    const image = screen.getByRole("img", { name: "化验单.jpg" })
    expect(image.getAttribute("src")).toBe("/api/health-archive/uploads/up_1/file")
    expect(screen.getByLabelText("PDF 文件")).toBeTruthy()
    expect(screen.getByText("820 KB · 2026-11-20 10:00")).toBeTruthy()
    expect(screen.getAllByRole("link", { name: "下载" })[1].getAttribute("href")).toBe(
      "/api/health-archive/uploads/up_2/file?download=1"
    )
  })

  it("deletes after confirmation and shows a refusal", async () => {
    const remove = jest.fn().mockResolvedValue({ error: "登录已过期，请重新登录" })
    const confirm = jest.fn().mockReturnValue(true)
    render(<UploadGrid uploads={uploads} remove={remove} confirm={confirm} />)
    await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "删除" })[0]))
    expect(confirm).toHaveBeenCalledWith("确定删除「化验单.jpg」吗？删除后无法恢复。")
    expect(remove).toHaveBeenCalledWith("up_1")
    expect(screen.getByRole("alert").textContent).toBe("登录已过期，请重新登录")
  })
})
