import type { ReviewSections, ReviewVersion } from "@health/contracts"
import { earlierVersions, revisionNotice } from "../constitution/review-revision"

const sections = (summary: string): ReviewSections => ({
  summary,
  diet: "",
  exercise: "",
  emotion: "",
  daily: "",
})

const version = (revision: number, published_at: string, reason: string | null): ReviewVersion => ({
  revision,
  sections: sections(`第${revision}版`),
  expert_name: "李明华",
  reason,
  published_at,
})

describe("a revised 养生评估报告 as the member reads it", () => {
  it("says when it was revised in Beijing time, which version it is and why", () => {
    // 01:30 UTC is 09:30 in Shanghai.
    expect(
      revisionNotice({
        revision: 2,
        revised_at: "2026-11-26T01:30:00.000Z",
        revision_reason: " 更正黄芪用法 ",
      })
    ).toEqual({ text: "已于 2026-11-26 09:30 修订（第 2 版）", reason: "更正黄芪用法" })
    // Late evening UTC is already the next day in Beijing.
    expect(
      revisionNotice({ revision: 3, revised_at: "2026-11-30T16:05:00.000Z", revision_reason: "" })
    ).toEqual({ text: "已于 2026-12-01 00:05 修订（第 3 版）", reason: null })
  })

  it("says nothing for a report as first published, or from a server without versions", () => {
    expect(revisionNotice({ revision: 1, revised_at: null, revision_reason: null })).toBeNull()
    expect(revisionNotice({})).toBeNull()
  })

  it("lists the earlier versions newest first, titled, leaving out the current one", () => {
    const entries = earlierVersions({
      revision: 3,
      versions: [
        version(1, "2026-11-25T02:00:00.000Z", null),
        version(3, "2026-11-27T02:00:00.000Z", "再次更正"),
        version(2, "2026-11-26T01:30:00.000Z", "更正黄芪用法"),
      ],
    })
    expect(entries.map((e) => [e.title, e.reason, e.sections.summary])).toEqual([
      ["第 2 版 · 2026-11-26 09:30 修订", "更正黄芪用法", "第2版"],
      ["第 1 版 · 2026-11-25 10:00 发布", null, "第1版"],
    ])
    expect(earlierVersions({ revision: 1, versions: [] })).toEqual([])
    expect(earlierVersions({ revision: 1 })).toEqual([])
  })
})
