/** @jest-environment node */
import { existsSync, readFileSync } from "node:fs"
import type { ConstitutionType, PublishedReview } from "@health/core"
import fontkit from "@pdf-lib/fontkit"
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib"
import {
  buildConstitutionReportPdf,
  type ConstitutionReportPdfInput,
} from "@/lib/constitution-report-pdf"
import { env } from "@/lib/env"
import { evenGlyphFont } from "@health/contracts/even-glyph-font"
import { pdfText } from "./support/pdf-text"

// `npm test` installs fonts-droid-fallback first; a missing font fails here rather than skipping.
const fontPath = env.reportCjkFont

const cmsType = (code: string, name: string, words: string): ConstitutionType => ({
  documentId: `doc-${code}`,
  code,
  name,
  characteristics: `${name}的人${words}，常见神疲乏力。`,
  susceptibility: "易患感冒、内脏下垂等病。",
  regimen_diet: "宜多食益气健脾的食物，如黄芪、山药、大枣、小米、鸡肉（每周 3-4 次）。",
  regimen_exercise: "宜柔缓运动，如太极拳、八段锦，每次 30 分钟，避免大汗。",
  regimen_emotion: "保持心情舒畅，避免过度思虑。",
  regimen_daily: "起居有常，夏季午间适当休息，避免熬夜。",
})

const review: PublishedReview = {
  id: "rev_1",
  assessment_id: "asmt_1",
  expert_name: "李明华",
  published_at: "2026-11-25T02:00:00.000Z",
  revision: 1,
  revised_at: null,
  revision_reason: null,
  versions: [],
  sections: {
    summary: "综合问卷结果，您以气虚质为主，兼有阳虚倾向。\n建议三个月后复测。",
    diet: "少食生冷，早餐宜温热。",
    exercise: "",
    emotion: "",
    daily: "",
  },
}

const input = (changes: Partial<ConstitutionReportPdfInput> = {}): ConstitutionReportPdfInput => ({
  result: {
    primary: "qixu",
    scores: {
      pinghe: 56.25,
      qixu: 75,
      yangxu: 32.1,
      yinxu: 12.5,
      tanshi: 6.25,
      shire: 0,
      xueyu: 10.7,
      qiyu: 3.6,
      tebing: 0,
    },
    verdicts: {
      pinghe: "否",
      qixu: "是",
      yangxu: "倾向是",
      yinxu: "否",
      tanshi: "否",
      shire: "否",
      xueyu: "否",
      qiyu: "否",
      tebing: "否",
    },
  },
  takenAt: "2026-11-24T00:30:00.000Z",
  generatedAt: new Date("2026-11-26T08:00:00.000Z"),
  memberName: "王小明",
  types: [cmsType("qixu", "气虚质", "元气不足"), cmsType("yangxu", "阳虚质", "阳气不足")],
  review,
  cjkFont: readFileSync(fontPath),
  ...changes,
})

/** The fonts the file carries: their names and how many bytes of each are embedded. */
async function fontsOf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes)
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter(
      (object): object is PDFDict =>
        object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor")
    )
    .map((descriptor) => {
      const file = descriptor.lookup(PDFName.of("FontFile2"))
      return {
        name: descriptor.get(PDFName.of("FontName"))!.toString(),
        embeddedBytes: file instanceof PDFRawStream ? file.contents.length : 0,
      }
    })
}

describe("the 体质辨识 report PDF", () => {
  let report: Promise<Uint8Array>
  beforeAll(() => {
    report = buildConstitutionReportPdf(input())
  })

  it("finds the CJK font the report needs (REPORT_CJK_FONT or Debian's fonts-droid-fallback)", () => {
    expect(existsSync(fontPath)).toBe(true)
  })

  it("opens as a PDF whose text is the report: title, date, name, verdicts, advice, expert, disclaimer", async () => {
    const bytes = await report
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-")
    const { totalPages, pages } = pdfText(bytes)
    expect(totalPages).toBe(2)
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2)
    const text = pages.join("\n")
    expect(pages[0]).toContain("体质辨识报告")
    expect(pages[0]).toContain("姓名：王小明")
    // 08:30 in Beijing for 00:30 UTC.
    expect(pages[0]).toContain("2026-11-24 08:30")
    expect(pages[0]).toContain("主要体质：气虚质")
    expect(pages[0]).toContain("您的体质以气虚质为主，有阳虚质倾向。")
    expect(pages[0]).toContain("倾向体质：阳虚质")
    expect(text).toMatch(/气虚质\s*75\.0\s*符合/)
    expect(text).toMatch(/平和质\s*56\.3\s*不符合/)
    expect(text).toMatch(/阳虚质\s*32\.1\s*有倾向/)
    expect(text).toContain("专家养生评估报告")
    expect(text).toContain("李明华专家")
    expect(text).toContain("建议三个月后复测。")
    expect(text).toContain("体质特征与调养建议")
    expect(text).toContain("饮食调养")
    expect(text).toContain("宜柔缓运动，如太极拳、八段锦")
    expect(text).toContain("阳气不足")
    expect(pages.every((page) => page.includes("健康建议，非医疗诊断"))).toBe(true)
    expect(pages[1]).toContain("第 2 / 2 页")
  })

  it("embeds only the glyphs it uses of the CJK font, so the file stays small", async () => {
    const bytes = await report
    const fonts = await fontsOf(bytes)
    const droid = fonts.find((font) => font.name.startsWith("/DroidSansFallback"))
    // The whole font is about 4 MB; the report uses a few hundred of its 49,000 glyphs.
    expect(droid?.embeddedBytes).toBeGreaterThan(1_000)
    expect(droid!.embeddedBytes).toBeLessThan(200_000)
    expect(bytes.length).toBeLessThan(300_000)
  })

  it("keeps every glyph's outline when the CJK font is subset (fontkit's short loca needs even glyphs)", async () => {
    const raw = readFileSync(fontPath)
    const original = fontkit.create(raw)
    const padded = fontkit.create(Buffer.from(evenGlyphFont(new Uint8Array(raw))))
    const subset = padded.createSubset()
    const chars = Array.from("体质辨识报告姓名王小明测评时间依据中华中医药学会气虚质饮食调养")
    const ids = chars.map((char) =>
      subset.includeGlyph(padded.glyphForCodePoint(char.codePointAt(0)!))
    )
    const chunks: Uint8Array[] = []
    await new Promise((resolve) =>
      subset
        .encodeStream()
        .on("data", (chunk) => chunks.push(chunk))
        .on("end", resolve)
    )
    const small = fontkit.create(Buffer.concat(chunks))
    chars.forEach((char, i) => {
      const expected = original.glyphForCodePoint(char.codePointAt(0)!).path.toSVG()
      expect(expected.length).toBeGreaterThan(0)
      expect(small.getGlyph(ids[i]).path.toSVG()).toBe(expected)
    })
  })

  it("breaks long advice over further pages, each with the footer", async () => {
    const long = "气虚质调养贵在坚持，饮食、运动、情志与起居相互配合，循序渐进。".repeat(60)
    const bytes = await buildConstitutionReportPdf(
      input({
        types: [{ ...cmsType("qixu", "气虚质", "元气不足"), regimen_diet: long }],
      })
    )
    const { totalPages, pages } = pdfText(bytes)
    expect(totalPages).toBeGreaterThan(2)
    expect(pages[totalPages - 1]).toContain(`第 ${totalPages} / ${totalPages} 页`)
    // Every wrapped line stays inside the page: no line is longer than the text width allows.
    expect(pages.join("").replace(/\s/g, "")).toContain(long.slice(0, 60))
  })

  it("a revised expert report says when and why it was revised", async () => {
    const bytes = await buildConstitutionReportPdf(
      input({
        review: {
          ...review,
          revision: 2,
          revised_at: "2026-11-26T01:30:00.000Z",
          revision_reason: "补充阳虚调养",
        },
      })
    )
    const text = pdfText(bytes).pages.join("\n")
    expect(text).toContain("已于 2026-11-26 09:30 修订（第 2 版）")
    expect(text).toContain("修订说明：补充阳虚调养")
  })

  it("without a name, a review or the CMS it still gives the scores, the verdict and a notice", async () => {
    const bytes = await buildConstitutionReportPdf(
      input({ memberName: null, review: null, types: [] })
    )
    const text = pdfText(bytes).pages.join("\n")
    expect(text).not.toContain("姓名")
    expect(text).not.toContain("专家养生评估报告")
    expect(text).toContain("主要体质：气虚质")
    expect(text).toContain("该体质的调养建议暂时无法加载")
  })

  it("names no type when none applies: 辨识结果：未见明显偏颇体质, not the highest type", async () => {
    const base = input().result
    const bytes = await buildConstitutionReportPdf(
      input({
        review: null,
        result: {
          ...base,
          scores: { ...base.scores, qixu: 25, yangxu: 14.3 },
          verdicts: { ...base.verdicts, qixu: "否", yangxu: "否" },
        },
      })
    )
    const [first] = pdfText(bytes).pages
    expect(first).toContain("辨识结果：未见明显偏颇体质")
    expect(first).not.toContain("主要体质")
    expect(first).toContain("得分相对最高的是气虚质")
  })
})
