import { createHealthArchiveClient } from "../commerce/health-archive-client"
import {
  articlesForTags,
  productsForMemberTags,
  suggestionTagOrder,
} from "../health-archive/member-suggestions"
import { summarizeFindings } from "../health-archive/report-findings"
import { recordingFetch } from "./support/recording-fetch"

const finding = (gene: string | null, item: string, result: string, risk: any, label: string) => ({
  item,
  gene,
  result,
  risk,
  reference: gene ? "未检出" : null,
  risk_label: label,
})

describe("summarizeFindings", () => {
  it("groups findings by how much they matter, most important first, in plain Chinese", () => {
    const summary = summarizeFindings([
      finding("BRCA2", "c.5946del", "未检出", "low", "低风险"),
      finding("MTHFR", "C677T", "检出（TT）", "high", "高风险"),
      finding(null, "空腹血糖", "6.5 mmol/L", "attention", "关注"),
      finding("BRCA1", "c.68_69del", "未检出", "low", "低风险"),
    ])
    expect(summary.headline).toBe("共 4 项结果：1 项需要重视，1 项建议关注，2 项未见异常")
    expect(summary.groups.map((g) => g.title)).toEqual(["需要重视", "建议关注", "未见异常"])
    expect(summary.groups[0].lines).toEqual([
      {
        title: "MTHFR · C677T",
        sentence: "结果为 检出（TT），评估为高风险（参考：未检出）。",
        risk_label: "高风险",
      },
    ])
    expect(summary.groups[1].lines[0]).toMatchObject({
      title: "空腹血糖",
      sentence: "结果为 6.5 mmol/L，评估为关注。",
    })
    expect(summary.groups[2].lines.map((l) => l.title)).toEqual([
      "BRCA2 · c.5946del",
      "BRCA1 · c.68_69del",
    ])
  })

  it("leaves out empty groups and says nothing when there are no findings yet", () => {
    expect(summarizeFindings([]).headline).toBeNull()
    expect(summarizeFindings([]).groups).toEqual([])
    const fine = summarizeFindings([finding("BRCA1", "c.68_69del", "未检出", "normal", "正常")])
    expect(fine.groups.map((g) => g.key)).toEqual(["fine"])
    expect(fine.headline).toBe("共 1 项结果：1 项未见异常")
  })
})

describe("findings and suggestions in the health archive client", () => {
  it("reads a report with its findings and the member's suggestion tags, with the token", async () => {
    const findings = { findings: [], source: null, recorded_at: null }
    const { fetch, calls } = recordingFetch(
      { body: { report: { id: "rep 1" }, findings } },
      { body: { tags: ["gene-mthfr", "qixu"] } }
    )
    const api = createHealthArchiveClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
    expect(await api.reportWithFindings("tok", "rep 1")).toEqual({
      report: { id: "rep 1" },
      findings,
    })
    expect(await api.suggestionTags("tok")).toEqual(["gene-mthfr", "qixu"])
    expect(calls.map((c) => c.url)).toEqual([
      "http://shop/store/health-archive/reports/rep%201",
      "http://shop/store/health-archive/suggestions",
    ])
    expect((calls[1].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
  })
})

describe("suggestions from the member's tags", () => {
  const product = (id: string, ...tags: string[]) => ({
    id,
    tags: tags.map((value) => ({ value })),
  })
  const article = (documentId: string) => ({ documentId })

  it("draws on flagged genes first, then constitution, tests bought and age, each once", () => {
    const tags = ["age-36-55", "gene-mthfr", "qixu"]
    expect(suggestionTagOrder(tags)).toEqual(["gene-mthfr", "age-36-55", "qixu"])
    const products = [
      product("p_qixu", "qixu"),
      product("p_folate", "MTHFR"),
      product("p_other", "tanshi"),
      product("p_both", "gene-mthfr", "qixu"),
    ]
    expect(productsForMemberTags(products, tags).map((p) => p.id)).toEqual([
      "p_folate",
      "p_both",
      "p_qixu",
    ])
    const articles = articlesForTags(
      { qixu: [article("a_qixu"), article("a_shared")], "gene-mthfr": [article("a_shared")] },
      tags
    )
    expect(articles.map((a) => a.documentId)).toEqual(["a_shared", "a_qixu"])
  })
})
