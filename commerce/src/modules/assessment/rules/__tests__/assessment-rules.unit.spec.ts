import { endDateProblem, expertAccess, MAX_GRANT_DAYS } from "../expert-access"
import { contentProblem, recommendationLink } from "../report-content"

const now = new Date("2026-12-09T02:00:00Z")

describe("expertAccess", () => {
  it("is granted until the end date, and withdrawn wins over expired", () => {
    const ends_at = new Date("2026-12-10T02:00:00Z")
    expect(expertAccess({ consent_withdrawn_at: null, ends_at }, now)).toBe("granted")
    expect(expertAccess({ consent_withdrawn_at: null, ends_at }, ends_at)).toBe("expired")
    expect(expertAccess({ consent_withdrawn_at: now, ends_at: now }, ends_at)).toBe("withdrawn")
  })
})

describe("endDateProblem", () => {
  it("wants a future end within the longest grant", () => {
    expect(endDateProblem(new Date("2026-12-20T00:00:00Z"), now)).toBeNull()
    expect(endDateProblem(now, now)).toBe("授权截止时间必须晚于现在")
    expect(endDateProblem(new Date(now.getTime() + (MAX_GRANT_DAYS + 1) * 86_400_000), now)).toBe(
      `授权期限最长 ${MAX_GRANT_DAYS} 天`
    )
    expect(endDateProblem(new Date("nonsense"), now)).toBe("授权截止时间格式不正确")
  })
})

describe("report content", () => {
  const content = {
    title: "评估",
    sections: [{ heading: "解读", body: "正文" }],
    recommendations: [],
    reason: null,
  }
  it("needs a body, and a 修订说明 from version 2 on", () => {
    expect(contentProblem(content, 1)).toBeNull()
    expect(contentProblem(content, 2)).toBe("修订报告需要填写修订说明")
    expect(contentProblem({ ...content, reason: "补充血脂" }, 2)).toBeNull()
    expect(contentProblem({ ...content, sections: [{ heading: "解读", body: " " }] }, 1)).toBe(
      "报告至少需要一节正文"
    )
  })
  it("links products by handle and articles by slug", () => {
    expect(recommendationLink({ kind: "product", ref_id: "gene-test" })).toBe("/products/gene-test")
    expect(recommendationLink({ kind: "article", ref_id: "叶酸" })).toBe(
      `/articles/${encodeURIComponent("叶酸")}`
    )
  })
})
