import {
  CONSTITUTION_CODES,
  CONSTITUTION_NAMES,
  formatDate,
  formatDateTime,
  radarGeometry,
  reportView,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTION_LABELS,
  revisionNotice,
  verdictApplies,
  type ConstitutionCode,
  type ConstitutionScores,
  type ConstitutionType,
  type ConstitutionVerdicts,
  type Point,
  type PublishedReview,
} from "@health/core"
import fontkit from "@pdf-lib/fontkit"
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from "pdf-lib"
import { REGIMEN_SECTIONS } from "@/components/constitution/report-content"
import { evenGlyphFont } from "@health/contracts/even-glyph-font"

export type ConstitutionReportPdfInput = {
  result: { scores: ConstitutionScores; verdicts: ConstitutionVerdicts; primary: ConstitutionCode }
  /** When the questionnaire was answered; shown in Beijing time. */
  takenAt: string | Date
  /** When this file is made (the PDF's creation date). */
  generatedAt: Date
  memberName?: string | null
  /** The CMS's constitution types; the advice of each type that applies comes from here. */
  types: ConstitutionType[]
  review?: PublishedReview | null
  /** A TrueType font with the Chinese glyphs (subset into the file). */
  cjkFont: Uint8Array
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN_X = 50
const TOP = 56
/** Room under the text for the footer on every page. */
const BOTTOM = 72
const WIDTH = A4[0] - 2 * MARGIN_X

const INK = rgb(0.122, 0.161, 0.216)
const MUTED = rgb(0.42, 0.447, 0.502)
const LINE = rgb(0.898, 0.906, 0.922)
const BRAND = rgb(0.059, 0.463, 0.431)
const BRAND_SOFT = rgb(0.8, 0.984, 0.945)
const ACCENT = rgb(0.918, 0.345, 0.047)
const ACCENT_SOFT = rgb(1, 0.969, 0.929)

const DISCLAIMER = [
  "健康建议，非医疗诊断。",
  "本报告根据问卷自评结果生成，仅供健康管理参考，不能代替医生的诊断和治疗。如有不适请及时就医。",
]
const THRESHOLDS_NOTE =
  "偏颇体质得分 ≥40 判定为「是」，30–39 为「倾向是」；平和质得分 ≥60 且其他体质均低于 30 为「是」，均低于 40 为「基本是」。"

/** Characters neither font has, in letters Helvetica can set. */
const SUBSTITUTES: Record<string, string> = { "≥": ">=", "≤": "<=", "\t": " " }
/** Punctuation that may hang at a line's end rather than start the next line. */
const NO_LINE_START = new Set(Array.from("，。、；：！？）」』》”’,.;:!?)%"))

type Run = { text: string; font: PDFFont }

/**
 * Sets mixed text with two fonts: the CJK TrueType for Chinese (Droid Sans Fallback has no
 * Latin letters or digits) and Helvetica for ASCII and the Western punctuation it has.
 */
class Typesetter {
  private readonly cjkChars: Set<number>
  private readonly latinChars: Set<number>

  constructor(
    readonly cjk: PDFFont,
    readonly latin: PDFFont
  ) {
    this.cjkChars = new Set(cjk.getCharacterSet())
    this.latinChars = new Set(latin.getCharacterSet())
  }

  runs(text: string): Run[] {
    const runs: Run[] = []
    for (const char of text) {
      const code = char.codePointAt(0)!
      let piece = char
      let font: PDFFont
      if (code >= 0x80 && this.cjkChars.has(code)) font = this.cjk
      else if (this.latinChars.has(code)) font = this.latin
      else if (this.cjkChars.has(code)) font = this.cjk
      else {
        piece = SUBSTITUTES[char] ?? (code < 0x20 ? "" : "?")
        font = this.latin
      }
      const last = runs[runs.length - 1]
      if (last?.font === font) last.text += piece
      else if (piece) runs.push({ text: piece, font })
    }
    return runs
  }

  width(text: string, size: number): number {
    return this.runs(text).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0)
  }

  draw(page: PDFPage, text: string, x: number, y: number, size: number, color: RGB = INK) {
    for (const run of this.runs(text)) {
      page.drawText(run.text, { x, y, size, font: run.font, color })
      x += run.font.widthOfTextAtSize(run.text, size)
    }
  }

  /** Lines no wider than `width`: Chinese breaks between any characters, Latin words stay whole. */
  wrap(text: string, width: number, size: number): string[] {
    const units = text.match(/[A-Za-z0-9][A-Za-z0-9.,:%/+-]*|\s+|./gsu) ?? []
    const lines: string[] = []
    let line = ""
    for (const unit of units) {
      if (!line && !unit.trim()) continue
      const fits = this.width(line + unit, size) <= width
      // One closing mark may hang past the edge rather than start a line.
      const hangs = NO_LINE_START.has(unit) && this.width(line + unit, size) <= width + size
      if (!line || fits || hangs) {
        line += unit
        continue
      }
      lines.push(line.trimEnd())
      line = unit.trim() ? unit : ""
      // A word longer than the whole line (a link, say) is cut where it must be.
      while (this.width(line, size) > width && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && this.width(line.slice(0, cut), size) > width) cut--
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
      }
    }
    if (line.trim()) lines.push(line.trimEnd())
    return lines
  }
}

/** Top-down layout on A4 pages: `y` is the top of the next line, a new page when it runs out. */
class Writer {
  page!: PDFPage
  y = 0

  constructor(
    private readonly doc: PDFDocument,
    readonly type: Typesetter
  ) {
    this.newPage()
  }

  newPage() {
    this.page = this.doc.addPage(A4)
    this.y = A4[1] - TOP
  }

  /** Starts a new page unless `height` fits on this one. */
  room(height: number) {
    if (this.y - height < BOTTOM) this.newPage()
  }

  gap(height: number) {
    this.y -= height
  }

  paragraph(
    text: string,
    {
      size = 10.5,
      color = INK,
      indent = 0,
      leading = 1.65,
    }: { size?: number; color?: RGB; indent?: number; leading?: number } = {}
  ) {
    const lineHeight = size * leading
    for (const paragraph of text.split(/\r?\n+/).filter((p) => p.trim())) {
      for (const line of this.type.wrap(paragraph.trim(), WIDTH - indent, size)) {
        this.room(lineHeight)
        this.type.draw(this.page, line, MARGIN_X + indent, this.y - size, size, color)
        this.y -= lineHeight
      }
    }
  }

  /** A heading kept on the page with the first lines after it. */
  heading(text: string, { size = 14, color = BRAND, rule = false } = {}) {
    this.room(size * 1.6 + 3 * 10.5 * 1.65)
    this.type.draw(this.page, text, MARGIN_X, this.y - size, size, color)
    this.y -= size * 1.6
    if (rule) {
      this.page.drawLine({
        start: { x: MARGIN_X, y: this.y + size * 0.25 },
        end: { x: MARGIN_X + WIDTH, y: this.y + size * 0.25 },
        thickness: 0.8,
        color: BRAND,
      })
      this.y -= 6
    }
  }
}

/** "x,y x,y …" (core's SVG points) as an SVG path pdf-lib can draw. */
const polygonPath = (points: string) => `M ${points.split(" ").join(" L ")} Z`

/** The nine scores as a radar chart at (left, top), from core's geometry like the web's SVG. */
function drawRadar(
  w: Writer,
  input: ConstitutionReportPdfInput,
  left: number,
  top: number,
  size: number
) {
  const { scores, verdicts } = input.result
  const { page, type } = w
  const values = CONSTITUTION_CODES.map((code) => scores[code])
  const geometry = radarGeometry({ values, size, padding: 50 })
  const thresholds = radarGeometry({ values, size, padding: 50, rings: [30, 40] }).rings
  const at = (p: Point) => ({ x: left + p.x, y: top - p.y })
  const origin = { x: left, y: top }

  for (const ring of geometry.rings) {
    page.drawSvgPath(polygonPath(ring.points), { ...origin, borderColor: LINE, borderWidth: 0.8 })
  }
  for (const ring of thresholds) {
    page.drawSvgPath(polygonPath(ring.points), {
      ...origin,
      borderColor: ACCENT,
      borderWidth: 0.6,
      borderOpacity: 0.6,
      borderDashArray: [3, 2],
    })
  }
  for (const spoke of geometry.spokes) {
    page.drawLine({ start: at(spoke.from), end: at(spoke.to), thickness: 0.6, color: LINE })
  }
  page.drawSvgPath(polygonPath(geometry.shape), {
    ...origin,
    color: BRAND,
    opacity: 0.22,
    borderColor: BRAND,
    borderWidth: 1.4,
  })
  geometry.vertices.forEach((vertex, i) => {
    const applies = verdictApplies(verdicts[CONSTITUTION_CODES[i]])
    page.drawCircle({ ...at(vertex), size: 2.6, color: applies ? ACCENT : BRAND })
  })
  const fontSize = 8.5
  geometry.labels.forEach((label, i) => {
    const code = CONSTITUTION_CODES[i]
    const color = verdictApplies(verdicts[code]) ? ACCENT : INK
    const { x, y } = at(label)
    const place = (text: string, baseline: number, textColor: RGB) => {
      const width = type.width(text, fontSize)
      const start =
        label.anchor === "start" ? x : label.anchor === "end" ? x - width : x - width / 2
      type.draw(page, text, start, baseline, fontSize, textColor)
    }
    place(CONSTITUTION_NAMES[code], y + fontSize * 0.2, color)
    place(scores[code].toFixed(1), y - fontSize, MUTED)
  })
}

/** The nine rows: type, score, verdict in plain words (the standard's word beside it). */
function drawScoreTable(
  w: Writer,
  rows: ReturnType<typeof reportView>["rows"],
  left: number,
  top: number,
  width: number
) {
  const { page, type } = w
  const rowHeight = 21
  const size = 10
  const columns = [
    { title: "体质类型", x: 8 },
    { title: "得分", x: width * 0.34 },
    { title: "判定", x: width * 0.54 },
  ]
  page.drawRectangle({ x: left, y: top - rowHeight, width, height: rowHeight, color: BRAND_SOFT })
  columns.forEach((column) =>
    type.draw(page, column.title, left + column.x, top - rowHeight + 7, size, BRAND)
  )
  rows.forEach((row, i) => {
    const rowTop = top - rowHeight * (i + 1)
    if (row.applies) {
      page.drawRectangle({
        x: left,
        y: rowTop - rowHeight,
        width,
        height: rowHeight,
        color: ACCENT_SOFT,
      })
    }
    page.drawLine({
      start: { x: left, y: rowTop - rowHeight },
      end: { x: left + width, y: rowTop - rowHeight },
      thickness: 0.5,
      color: LINE,
    })
    const color = row.applies ? ACCENT : INK
    const baseline = rowTop - rowHeight + 7
    type.draw(page, row.name, left + columns[0].x, baseline, size, color)
    type.draw(page, row.scoreText, left + columns[1].x, baseline, size, color)
    type.draw(page, row.verdictWord, left + columns[2].x, baseline, size, color)
    const wordWidth = type.width(row.verdictWord, size)
    type.draw(page, `（${row.verdict}）`, left + columns[2].x + wordWidth, baseline, 8.5, MUTED)
  })
  return rowHeight * (rows.length + 1)
}

function drawFooters(doc: PDFDocument, type: Typesetter) {
  const pages = doc.getPages()
  pages.forEach((page, i) => {
    page.drawLine({
      start: { x: MARGIN_X, y: BOTTOM - 18 },
      end: { x: MARGIN_X + WIDTH, y: BOTTOM - 18 },
      thickness: 0.5,
      color: LINE,
    })
    const size = 8
    const pageText = `第 ${i + 1} / ${pages.length} 页`
    const pageWidth = type.width(pageText, size)
    const lines = DISCLAIMER.flatMap((text) => type.wrap(text, WIDTH - pageWidth - 16, size))
    lines.forEach((line, n) => type.draw(page, line, MARGIN_X, BOTTOM - 32 - n * 12, size, MUTED))
    type.draw(page, pageText, MARGIN_X + WIDTH - pageWidth, BOTTOM - 32, size, MUTED)
  })
}

/**
 * The 体质辨识报告 as a PDF: the result with its radar chart and verdicts, the expert's
 * 养生评估报告 when published, and the CMS's characteristics and regimen advice for each type
 * that applies, like the web report. Pure: the same inputs give the same pages.
 */
export async function buildConstitutionReportPdf(
  input: ConstitutionReportPdfInput
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const type = new Typesetter(
    await doc.embedFont(evenGlyphFont(input.cjkFont), { subset: true }),
    await doc.embedFont(StandardFonts.Helvetica)
  )
  doc.setTitle("体质辨识报告", { showInWindowTitleBar: true })
  doc.setSubject("中医体质辨识（ZYYXH/T157-2009）")
  doc.setLanguage("zh-CN")
  doc.setCreator("健康服务平台")
  doc.setProducer("健康服务平台")
  doc.setCreationDate(input.generatedAt)
  doc.setModificationDate(input.generatedAt)

  const view = reportView(input.result)
  const w = new Writer(doc, type)

  // Title and who, when.
  type.draw(w.page, "体质辨识报告", MARGIN_X, w.y - 22, 22, BRAND)
  const brand = "健康服务平台"
  type.draw(w.page, brand, MARGIN_X + WIDTH - type.width(brand, 10), w.y - 20, 10, MUTED)
  w.gap(34)
  const who = [
    input.memberName ? `姓名：${input.memberName}` : "",
    `测评时间：${formatDateTime(input.takenAt)}`,
  ].filter(Boolean)
  w.paragraph(who.join("　　"), { size: 9.5, color: MUTED })
  w.paragraph("依据中华中医药学会《中医体质分类与判定》（ZYYXH/T157-2009）", {
    size: 9.5,
    color: MUTED,
  })
  w.page.drawLine({
    start: { x: MARGIN_X, y: w.y - 2 },
    end: { x: MARGIN_X + WIDTH, y: w.y - 2 },
    thickness: 1,
    color: BRAND,
  })
  w.gap(18)

  // The verdict in words.
  // No type named (every verdict 否): the title says so rather than naming the highest type.
  const titleLabel = view.primary.verdict === "否" ? "辨识结果" : "主要体质"
  type.draw(w.page, `${titleLabel}：${view.title}`, MARGIN_X, w.y - 16, 16, INK)
  w.gap(26)
  w.paragraph(view.headline, { size: 11 })
  if (view.alsoTypes.length) {
    w.paragraph(`兼夹体质：${view.alsoTypes.map((c) => CONSTITUTION_NAMES[c]).join("、")}`)
  }
  if (view.tendencies.length) {
    w.paragraph(`倾向体质：${view.tendencies.map((c) => CONSTITUTION_NAMES[c]).join("、")}`)
  }
  w.gap(8)

  // Radar chart beside the score table.
  const chartSize = 250
  w.room(chartSize + 8)
  const top = w.y
  drawRadar(w, input, MARGIN_X - 8, top, chartSize)
  const tableLeft = MARGIN_X + chartSize + 4
  const tableHeight = drawScoreTable(w, view.rows, tableLeft, top - 12, WIDTH - chartSize - 4)
  w.y = top - Math.max(chartSize, tableHeight + 12)
  w.paragraph(THRESHOLDS_NOTE, { size: 8.5, color: MUTED })
  w.gap(10)

  if (input.review) {
    const review = input.review
    w.heading("专家养生评估报告", { rule: true })
    w.paragraph(
      `${review.expert_name ? `${review.expert_name}专家` : "专家"} · 发布于 ${formatDate(review.published_at)}`,
      { size: 9.5, color: MUTED }
    )
    // A revised report says so, as on the page; earlier versions stay on the web only.
    const revised = revisionNotice(review)
    if (revised) {
      w.paragraph(
        revised.reason ? `${revised.text}\u3000修订说明：${revised.reason}` : revised.text,
        {
          size: 9.5,
          color: INK,
        }
      )
    }
    for (const key of REVIEW_SECTION_KEYS) {
      const text = review.sections[key]?.trim()
      if (!text) continue
      w.gap(4)
      w.heading(REVIEW_SECTION_LABELS[key], { size: 11.5, color: INK })
      w.paragraph(text)
    }
    w.gap(10)
  }

  // When no type can be named, the highest one's advice is still the useful one.
  const adviceFor = view.applied.length ? view.applied : [view.primary.code]
  w.heading(view.applied.length ? "体质特征与调养建议" : "得分相对较高的体质", { rule: true })
  for (const code of adviceFor) {
    const row = view.rows.find((r) => r.code === code)!
    const cms = input.types.find((t) => t.code === code)
    w.gap(4)
    w.heading(
      `${cms?.name ?? CONSTITUTION_NAMES[code]}\u3000${row.verdictWord} · ${row.scoreText} 分`,
      {
        size: 12.5,
        color: ACCENT,
      }
    )
    const parts = [
      { title: "体质特征", text: cms?.characteristics },
      { title: "易患倾向", text: cms?.susceptibility },
      ...REGIMEN_SECTIONS.map((r) => ({ title: r.title, text: cms?.[r.key] })),
    ].filter((part) => part.text?.trim())
    for (const part of parts) {
      w.heading(part.title, { size: 11, color: BRAND })
      w.paragraph(part.text!, { indent: 0 })
      w.gap(2)
    }
    if (!cms) w.paragraph("该体质的调养建议暂时无法加载，请稍后重新下载。", { color: MUTED })
    w.gap(6)
  }

  drawFooters(doc, type)
  return doc.save()
}
