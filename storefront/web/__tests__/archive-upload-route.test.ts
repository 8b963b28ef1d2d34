/** @jest-environment node */
import { ApiError } from "@health/core"
import { NextRequest } from "next/server"

const upload = jest.fn()
let token: string | undefined = "tok"
jest.mock("@/lib/backends", () => ({
  healthArchive: { upload: (...args: unknown[]) => upload(...args) },
}))
jest.mock("@/lib/session", () => ({ readToken: async () => token }))

// Imported after the mocks, as the route would be inside Next.
const { POST } =
  require("@/app/api/health-archive/uploads/route") as typeof import("@/app/api/health-archive/uploads/route")

const post = (form: FormData) =>
  POST(new NextRequest("http://web/api/health-archive/uploads", { method: "POST", body: form }))

const formWith = (...files: File[]) => {
  const form = new FormData()
  files.forEach((file) => form.append("files", file))
  return form
}

beforeEach(() => {
  upload.mockReset()
  token = "tok"
})

describe("POST /api/health-archive/uploads", () => {
  it("passes the files and note on with the member's token from the cookie", async () => {
    upload.mockResolvedValue([{ id: "up_1" }])
    const form = formWith(new File(["%PDF"], "出院小结.pdf", { type: "application/pdf" }))
    form.set("note", " 2025 年住院 ")
    const response = await post(form)
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ uploads: [{ id: "up_1" }] })
    const [sentToken, files, note] = upload.mock.calls[0]
    expect(sentToken).toBe("tok")
    expect(files).toHaveLength(1)
    expect(files[0].name).toBe("出院小结.pdf")
    expect(files[0].blob.type).toBe("application/pdf")
    expect(note).toBe("2025 年住院")
  })

  it("names the type of a file the browser sent without one", async () => {
    upload.mockResolvedValue([])
    await post(formWith(new File(["jpg"], "scan.JPG", { type: "" })))
    expect(upload.mock.calls[0][1][0].blob.type).toBe("image/jpeg")
  })

  it("refuses a signed-out visitor and a wrong file before calling commerce", async () => {
    token = undefined
    const signedOut = await post(formWith(new File(["x"], "a.pdf", { type: "application/pdf" })))
    expect(signedOut.status).toBe(401)
    expect(await signedOut.json()).toEqual({ message: "登录已过期，请重新登录" })
    token = "tok"
    const wrong = await post(
      formWith(new File(["x"], "a.exe", { type: "application/x-msdownload" }))
    )
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toEqual({ message: "「a.exe」不是 JPG、PNG、WebP 图片或 PDF 文件" })
    expect(upload).not.toHaveBeenCalled()
  })

  it("answers with commerce's refusal, or a gentle 502 when it is down", async () => {
    upload.mockRejectedValueOnce(new ApiError(400, "文件过大，请压缩后重试"))
    const refused = await post(formWith(new File(["x"], "a.pdf", { type: "application/pdf" })))
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual({ message: "文件过大，请压缩后重试" })

    const log = jest.spyOn(console, "error").mockImplementation(() => {})
    upload.mockRejectedValueOnce(new Error("ECONNREFUSED"))
    const down = await post(formWith(new File(["x"], "a.pdf", { type: "application/pdf" })))
    expect(down.status).toBe(502)
    expect(await down.json()).toEqual({ message: "网络繁忙，请稍后重试" })
    log.mockRestore()
  })
})
