import { ApiError, formatDateTime, type PublishedReview } from "@health/core"
import { contentDisposition } from "./archive-file-response"
import { loadConstitutionTypes } from "./constitution-content"
import {
  buildConstitutionReportPdf,
  type ConstitutionReportPdfInput,
} from "./constitution-report-pdf"
import { reportCjkFont, ReportFontMissingError } from "./report-cjk-font"

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A download that cannot be made, as a small page in Chinese: the link opens in the tab
 * (only a PDF comes as an attachment), so the member reads why and finds the way back.
 */
export function reportPdfRefusal(status: number, message: string, back: string): Response {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>体质辨识报告 PDF</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937;line-height:1.6"><h1 style="font-size:1.25rem">无法下载 PDF</h1><p data-testid="report-pdf-error">${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}" style="color:#0f766e">返回</a></p></body></html>`
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  })
}

/** Why a report PDF failed, said to the member; the unexpected is logged and answered 502. */
export function reportPdfFailure(error: unknown, back: string): Response {
  if (error instanceof ReportFontMissingError) {
    console.error("[constitution pdf]", error.message)
    return reportPdfRefusal(
      503,
      "PDF 暂时无法生成：服务器尚未安装中文字体。请稍后再试，或在报告页使用「打印 / 保存为 PDF」。",
      back
    )
  }
  if (error instanceof ApiError && error.status === 401) {
    return reportPdfRefusal(401, "登录已过期，请重新登录后再下载报告。", back)
  }
  if (error instanceof ApiError && error.status === 404) {
    return reportPdfRefusal(404, "没有找到这份体质辨识结果，它可能已被删除。", back)
  }
  if (error instanceof ApiError && error.status < 500) {
    return reportPdfRefusal(error.status, error.message, back)
  }
  console.error("[constitution pdf]", error)
  return reportPdfRefusal(502, "报告暂时无法生成，请稍后重试。", back)
}

/**
 * The report as a PDF attachment named 体质辨识报告-<测评日期>.pdf, with the CMS's advice for
 * the types that apply. Throws ReportFontMissingError when the server has no CJK font.
 */
export async function constitutionReportPdf(
  report: Omit<ConstitutionReportPdfInput, "types" | "cjkFont" | "generatedAt"> & {
    review?: PublishedReview | null
  }
): Promise<Response> {
  const [cjkFont, types] = await Promise.all([reportCjkFont(), loadConstitutionTypes()])
  const bytes = await buildConstitutionReportPdf({
    ...report,
    types,
    cjkFont,
    generatedAt: new Date(),
  })
  const day = formatDateTime(report.takenAt).slice(0, 10)
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-disposition": contentDisposition("attachment", `体质辨识报告-${day}.pdf`),
      "content-length": String(bytes.length),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  })
}
