import fontkit from "@pdf-lib/fontkit"
import { evenGlyphFont } from "@health/contracts/even-glyph-font"
import { PDFDocument, rgb, StandardFonts } from "pdf-lib"
import { Typesetter } from "../../../../../lib/pdf/typesetter"
import { recommendationLink } from "../../../../../modules/assessment/rules/report-content"
import type { ReportVersionView } from "../../../../../modules/assessment/service"

/** A4 portrait. */
const PAGE: [number, number] = [595.28, 841.89]
const MARGIN = 50
const WIDTH = PAGE[0] - 2 * MARGIN
const INK = rgb(0.122, 0.161, 0.216)
const MUTED = rgb(0.42, 0.447, 0.502)
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** An instant as Beijing time, "2026-12-09 10:00". */
export const beijingTime = (iso: string) =>
  new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ")

/** Breaks text into lines no wider than `width` (any character may break: Chinese has no spaces). */
export function wrap(type: Pick<Typesetter, "width">, text: string, width: number, size: number) {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ""
    for (const char of paragraph) {
      if (line && type.width(line + char, size) > width) {
        lines.push(line)
        line = ""
      }
      line += char
    }
    lines.push(line)
  }
  return lines
}

/**
 * One version of a 检测评估报告 as a PDF (A4, zh-CN): title, expert and version, the 修订说明
 * of a revision, each section, then the recommended products and articles with where they
 * open. Labelled as health advice, not a diagnosis. `cjkFont` is subset into the file.
 */
export async function buildAssessmentReportPdf(
  report: ReportVersionView,
  cjkFont: Uint8Array,
  storefrontUrl: string
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const type = new Typesetter(
    await doc.embedFont(evenGlyphFont(cjkFont), { subset: true }),
    await doc.embedFont(StandardFonts.Helvetica),
    INK
  )
  const published = new Date(report.published_at)
  doc.setTitle(`${report.title}（第 ${report.version} 版）`, { showInWindowTitleBar: true })
  doc.setLanguage("zh-CN")
  doc.setAuthor(report.expert_name)
  doc.setCreator("检测评估")
  doc.setProducer("健康服务平台")
  doc.setCreationDate(published)
  doc.setModificationDate(published)

  let page = doc.addPage(PAGE)
  let y = PAGE[1] - MARGIN
  const line = (text: string, size: number, color = INK, indent = 0) => {
    if (y < MARGIN + size) {
      page = doc.addPage(PAGE)
      y = PAGE[1] - MARGIN
    }
    type.draw(page, text, MARGIN + indent, y - size, size, color)
    y -= size * 1.6
  }
  const paragraph = (text: string, size: number, color = INK, indent = 0) => {
    for (const piece of wrap(type, text, WIDTH - indent, size)) line(piece, size, color, indent)
  }

  paragraph(report.title, 18)
  line(
    `检测评估报告 · 第 ${report.version} 版 · ${report.expert_name} · 发布于 ${beijingTime(report.published_at)}（北京时间）`,
    9,
    MUTED
  )
  if (report.reason) paragraph(`修订说明：${report.reason}`, 10, MUTED)
  y -= 6
  for (const section of report.sections) {
    paragraph(section.heading, 13)
    paragraph(section.body, 10.5)
    y -= 6
  }
  if (report.recommendations.length) {
    line("推荐商品与文章", 13)
    for (const item of report.recommendations) {
      paragraph(`${item.kind === "product" ? "【商品】" : "【文章】"}${item.title}`, 10.5)
      if (item.reason) paragraph(item.reason, 9.5, MUTED, 12)
      paragraph(`${storefrontUrl}${recommendationLink(item)}`, 9, MUTED, 12)
    }
    y -= 6
  }
  paragraph("本报告为健康评估与建议，不构成诊断或处方；如有不适请及时就医。", 9, MUTED)

  const pages = doc.getPages()
  pages.forEach((each, index) => {
    const footer = `第 ${index + 1} 页，共 ${pages.length} 页`
    type.draw(each, footer, MARGIN + WIDTH - type.width(footer, 8), MARGIN - 24, 8, MUTED)
  })
  return doc.save()
}
