/** @jest-environment node */
import { ApiError } from "@health/core"
import {
  archiveFileError,
  contentDisposition,
  extensionOf,
  streamArchiveFile,
  upstreamFilename,
} from "@/lib/archive-file-response"
import { archiveUploadProblem, archiveUploadType } from "@/lib/archive-upload-rules"

const MB = 1024 * 1024
const file = (name: string, size: number, type: string) => ({ name, size, type })

describe("archive upload rules", () => {
  it("accepts photos and PDFs up to 10 MB, ten at a time", () => {
    expect(
      archiveUploadProblem([
        file("a.jpg", MB, "image/jpeg"),
        file("b.png", 10 * MB, "image/png"),
        file("c.webp", 1, "image/webp"),
        file("病历.pdf", 2 * MB, "application/pdf"),
      ])
    ).toBeNull()
  })

  it.each([
    [[], "请选择要上传的照片或 PDF"],
    [
      Array.from({ length: 11 }, (_, i) => file(`${i}.jpg`, 1, "image/jpeg")),
      "一次最多上传 10 个文件",
    ],
    [[file("a.heic", 1, "image/heic")], "「a.heic」不是 JPG、PNG、WebP 图片或 PDF 文件"],
    [[file("a.html", 1, "text/html")], "「a.html」不是 JPG、PNG、WebP 图片或 PDF 文件"],
    [[file("big.pdf", 10 * MB + 1, "application/pdf")], "「big.pdf」超过 10 MB"],
    [[file("empty.png", 0, "image/png")], "「empty.png」是空文件"],
  ])("refuses a selection with a message (%#)", (files, problem) => {
    expect(archiveUploadProblem(files)).toBe(problem)
  })

  it("names the type from the extension when the browser gives none", () => {
    expect(archiveUploadType(file("SCAN.JPG", 1, ""))).toBe("image/jpeg")
    expect(archiveUploadType(file("report.pdf", 1, ""))).toBe("application/pdf")
    expect(archiveUploadType(file("x.webp", 1, "application/octet-stream"))).toBe("image/webp")
    expect(archiveUploadType(file("notes.txt", 1, ""))).toBeNull()
    // A declared type wins over the name.
    expect(archiveUploadType(file("photo.jpg", 1, "text/html"))).toBeNull()
  })
})

describe("archive file responses", () => {
  it("keeps Chinese file names with an ASCII fallback", () => {
    expect(contentDisposition("attachment", "检测报告 GT1234567897.pdf")).toBe(
      `attachment; filename="____ GT1234567897.pdf"; filename*=UTF-8''%E6%A3%80%E6%B5%8B%E6%8A%A5%E5%91%8A%20GT1234567897.pdf`
    )
  })

  it("streams a PDF for viewing in the page, private and never sniffed", async () => {
    const upstream = new Response("%PDF-1.7", {
      headers: { "content-type": "application/pdf", "content-length": "8" },
    })
    const response = streamArchiveFile(upstream, { disposition: "inline", filename: "r.pdf" })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("application/pdf")
    expect(response.headers.get("content-length")).toBe("8")
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="r.pdf"/)
    expect(response.headers.get("cache-control")).toBe("private, no-store")
    expect(response.headers.get("x-content-type-options")).toBe("nosniff")
    expect(await response.text()).toBe("%PDF-1.7")
  })

  it("only ever downloads a type a browser could run", () => {
    const upstream = new Response("<script>", { headers: { "content-type": "text/html" } })
    const response = streamArchiveFile(upstream, { disposition: "inline", filename: "x.html" })
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/)
  })

  it("reads the upstream's file name, encoded or plain, else uses ours", () => {
    const named = (header: string) =>
      new Response("", { headers: { "content-disposition": header } })
    expect(
      upstreamFilename(
        named(`attachment; filename="a.zip"; filename*=UTF-8''%E5%81%A5%E5%BA%B7.zip`),
        "x"
      )
    ).toBe("健康.zip")
    expect(upstreamFilename(named(`attachment; filename="report.pdf"`), "x")).toBe("report.pdf")
    expect(upstreamFilename(new Response(""), "检测报告.pdf")).toBe("检测报告.pdf")
  })

  it("gives a saved file the extension of its type", () => {
    const typed = (type: string) => new Response("", { headers: { "content-type": type } })
    expect(extensionOf(typed("image/jpeg"))).toBe(".jpg")
    expect(extensionOf(typed("application/pdf; charset=binary"))).toBe(".pdf")
    expect(extensionOf(typed("text/plain"))).toBe("")
  })

  it("says in Chinese why a file cannot be opened", async () => {
    const spoken = async (error: unknown) => {
      const response = archiveFileError(error)
      return [response.status, await response.text()]
    }
    expect(await spoken(new ApiError(401, "Unauthorized"))).toEqual([401, "登录已过期，请重新登录"])
    expect(await spoken(new ApiError(404, "Not found"))).toEqual([404, "文件不存在或已删除"])
    expect(await spoken(new ApiError(403, "无权查看该报告"))).toEqual([403, "无权查看该报告"])
    const log = jest.spyOn(console, "error").mockImplementation(() => {})
    expect(await spoken(new Error("ECONNREFUSED"))).toEqual([502, "文件暂时无法打开，请稍后重试"])
    log.mockRestore()
  })
})
