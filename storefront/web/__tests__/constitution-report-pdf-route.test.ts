/** @jest-environment node */
import { ApiError, type SavedAssessment } from "@health/core"

const assessment = jest.fn()
const assess = jest.fn()
const me = jest.fn()
const listConstitutionTypes = jest.fn()
let token: string | undefined = "tok"
const settings = {
  reportCjkFont:
    process.env.REPORT_CJK_FONT || "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
}
jest.mock("@/lib/env", () => ({ env: settings }))
jest.mock("@/lib/backends", () => ({
  constitution: {
    assessment: (...args: unknown[]) => assessment(...args),
    assess: (...args: unknown[]) => assess(...args),
  },
  member: { me: (...args: unknown[]) => me(...args) },
  cms: { listConstitutionTypes: () => listConstitutionTypes() },
  commerce: {},
  optional: async <T>(load: () => Promise<T>, fallback: T) => load().catch(() => fallback),
}))
jest.mock("@/lib/session", () => ({ readToken: async () => token }))

// Imported after the mocks, as the routes would be inside Next.
const { GET } =
  require("@/app/api/constitution/report/[id]/pdf/route") as typeof import("@/app/api/constitution/report/[id]/pdf/route")
const { POST } =
  require("@/app/api/constitution/report/pdf/route") as typeof import("@/app/api/constitution/report/pdf/route")
const { pdfText } = require("./support/pdf-text") as typeof import("./support/pdf-text")

const saved: SavedAssessment = {
  id: "asmt_1",
  created_at: "2026-11-24T17:30:00.000Z",
  questionnaire_version: 1,
  item_version: "2009",
  sex: "female",
  primary: "qixu",
  scores: {
    pinghe: 56.25,
    qixu: 75,
    yangxu: 0,
    yinxu: 0,
    tanshi: 0,
    shire: 0,
    xueyu: 0,
    qiyu: 0,
    tebing: 0,
  },
  verdicts: {
    pinghe: "否",
    qixu: "是",
    yangxu: "否",
    yinxu: "否",
    tanshi: "否",
    shire: "否",
    xueyu: "否",
    qiyu: "否",
    tebing: "否",
  },
  review: null,
}

const get = (id: string) =>
  GET(new Request(`http://web/api/constitution/report/${id}/pdf`), {
    params: Promise.resolve({ id }),
  })

beforeEach(() => {
  assessment.mockReset()
  assess.mockReset()
  me.mockReset().mockResolvedValue({ first_name: "小明", last_name: "王" })
  listConstitutionTypes.mockReset().mockResolvedValue([
    {
      documentId: "d1",
      code: "qixu",
      name: "气虚质",
      regimen_diet: "宜多食益气健脾的食物，如山药、大枣。",
    },
  ])
  token = "tok"
})

describe("GET /api/constitution/report/:id/pdf", () => {
  it("answers the member's saved result as a PDF attachment named by its date in Beijing", async () => {
    assessment.mockResolvedValue(saved)
    const response = await get("asmt_1")
    expect(response.status).toBe(200)
    expect(assessment).toHaveBeenCalledWith("tok", "asmt_1")
    expect(response.headers.get("content-type")).toBe("application/pdf")
    // 17:30 UTC on the 24th is the 25th in Beijing.
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="______-2026-11-25.pdf"; filename*=UTF-8''${encodeURIComponent("体质辨识报告-2026-11-25.pdf")}`
    )
    expect(response.headers.get("cache-control")).toBe("private, no-store")
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-")
    const text = pdfText(bytes).pages.join("\n")
    expect(text).toContain("姓名：王小明")
    expect(text).toContain("主要体质：气虚质")
    expect(text).toContain("宜多食益气健脾的食物")
  })

  it("asks a signed-out visitor to sign in, without calling commerce", async () => {
    token = undefined
    const response = await get("asmt_1")
    expect(response.status).toBe(401)
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8")
    const page = await response.text()
    expect(page).toContain("请先登录，再下载体质辨识报告。")
    expect(page).toContain(
      `/account/sign-in?next=${encodeURIComponent("/constitution/report/asmt_1")}`
    )
    expect(assessment).not.toHaveBeenCalled()
  })

  it("answers 404 for a result that is not the member's, and 401 for an expired session", async () => {
    assessment.mockRejectedValueOnce(new ApiError(404, "not found"))
    const missing = await get("asmt_other")
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain("没有找到这份体质辨识结果")

    assessment.mockRejectedValueOnce(new ApiError(401, "unauthorized"))
    const expired = await get("asmt_1")
    expect(expired.status).toBe(401)
    expect(await expired.text()).toContain("登录已过期")
  })

  it("answers 503 in Chinese, not 500, when the server has no CJK font", async () => {
    assessment.mockResolvedValue(saved)
    const log = jest.spyOn(console, "error").mockImplementation(() => {})
    const installed = settings.reportCjkFont
    settings.reportCjkFont = "/nonexistent/font.ttf"
    try {
      const response = await get("asmt_1")
      expect(response.status).toBe(503)
      expect(await response.text()).toContain("服务器尚未安装中文字体")
    } finally {
      settings.reportCjkFont = installed
      log.mockRestore()
    }
  })
})

describe("POST /api/constitution/report/pdf (a visitor's unsaved result)", () => {
  const post = (fields: Record<string, string>) => {
    const form = new FormData()
    Object.entries(fields).forEach(([key, value]) => form.set(key, value))
    return POST(
      new Request("http://web/api/constitution/report/pdf", { method: "POST", body: form })
    )
  }

  it("scores the posted answers again without the member's token, so nothing is saved", async () => {
    assess.mockResolvedValue({ ...saved, id: undefined, saved: false })
    const sheet = { sex: "female", answers: { q01: 1 } }
    const response = await post({
      sheet: JSON.stringify(sheet),
      taken_at: "2026-11-20T02:00:00.000Z",
    })
    expect(response.status).toBe(200)
    expect(assess).toHaveBeenCalledWith(sheet)
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent("体质辨识报告-2026-11-20.pdf")
    )
    const text = pdfText(new Uint8Array(await response.arrayBuffer())).pages.join("\n")
    expect(text).toContain("气虚质")
    expect(text).not.toContain("姓名")
  })

  it("refuses a missing answer sheet, and passes on commerce's refusal of an incomplete one", async () => {
    const empty = await post({})
    expect(empty.status).toBe(400)
    expect(assess).not.toHaveBeenCalled()

    assess.mockRejectedValue(new ApiError(400, "缺少题目 q02 的答案"))
    const incomplete = await post({ sheet: JSON.stringify({ sex: "male", answers: {} }) })
    expect(incomplete.status).toBe(400)
    expect(await incomplete.text()).toContain("缺少题目 q02 的答案")
  })
})
