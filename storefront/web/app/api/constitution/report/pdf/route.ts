import type { ConstitutionAnswers, Sex } from "@health/core"
import { constitution } from "@/lib/backends"
import {
  constitutionReportPdf,
  reportPdfFailure,
  reportPdfRefusal,
} from "@/lib/constitution-report-download"

const BACK = "/constitution/result"

function readSheet(
  value: FormDataEntryValue | null
): { sex: Sex; answers: ConstitutionAnswers } | null {
  try {
    const sheet = JSON.parse(String(value ?? ""))
    if ((sheet?.sex === "female" || sheet?.sex === "male") && sheet.answers) return sheet
  } catch {
    // Not JSON: refused below.
  }
  return null
}

/**
 * A visitor's unsaved result as a PDF. The browser posts the answers it keeps (a form, so the
 * file downloads without script); they are scored again by commerce, without the member's
 * token, so downloading never saves anything and the numbers are commerce's own.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null)
  const sheet = readSheet(form?.get("sheet") ?? null)
  if (!sheet) return reportPdfRefusal(400, "没有收到完整的答卷，请重新完成测试后再下载。", BACK)
  const takenAt = new Date(String(form?.get("taken_at") ?? ""))
  try {
    const result = await constitution.assess(sheet)
    return await constitutionReportPdf({
      result,
      takenAt: Number.isNaN(takenAt.getTime()) ? new Date() : takenAt,
    })
  } catch (error) {
    return reportPdfFailure(error, BACK)
  }
}
