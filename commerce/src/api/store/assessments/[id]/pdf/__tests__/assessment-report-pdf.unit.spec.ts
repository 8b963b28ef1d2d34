import { readFileSync } from "node:fs"
import { PDFDocument } from "pdf-lib"
import { readReportPdf } from "../../../../../../lib/reports/read-report-pdf"
import { CJK_FONT_PATH } from "../../../../../../lib/pdf/cjk-font"
import { buildAssessmentReportPdf, wrap } from "../assessment-report-pdf"

// `npm test` installs fonts-droid-fallback first; a missing font fails here rather than skipping.
const font = new Uint8Array(readFileSync(CJK_FONT_PATH))

describe("检测评估报告 PDF", () => {
  it("prints the version, the 修订说明, every section and the recommendations' links", async () => {
    const long = "建议每日摄入足量深绿色蔬菜并规律作息。".repeat(120)
    const bytes = await buildAssessmentReportPdf(
      {
        title: "基因检测综合评估",
        version: 2,
        expert_name: "王建国",
        published_at: "2026-12-08T16:30:00.000Z",
        reason: "补充了体检血脂结果",
        sections: [
          { heading: "检测结果解读", body: "MTHFR C677T 为 TT 型，叶酸代谢能力偏弱。" },
          { heading: "生活方式建议", body: long },
        ],
        recommendations: [
          {
            kind: "product",
            ref_id: "folate-gene-test",
            title: "叶酸代谢基因检测",
            reason: "复查",
          },
          { kind: "article", ref_id: "folate", title: "叶酸怎么补", reason: null },
        ],
      },
      font,
      "https://shop.example.cn"
    )
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBeGreaterThan(1)
    expect(doc.getTitle()).toBe("基因检测综合评估（第 2 版）")
    const { text } = await readReportPdf(Buffer.from(bytes))
    const flat = text.replace(/\s+/g, "")
    for (const expected of [
      "第2版",
      "王建国",
      // 00:30 on 9 December in Beijing.
      "2026-12-0900:30",
      "修订说明：补充了体检血脂结果",
      "MTHFRC677T为TT型",
      "生活方式建议",
      "【商品】叶酸代谢基因检测",
      "https://shop.example.cn/products/folate-gene-test",
      "不构成诊断或处方",
    ]) {
      expect(flat).toContain(expected)
    }
  })

  it("wraps a paragraph at the width and keeps its line breaks", () => {
    const byChars = { width: (text: string) => [...text].length }
    expect(wrap(byChars, "一二三四五\n六", 2, 10)).toEqual(["一二", "三四", "五", "六"])
  })
})
