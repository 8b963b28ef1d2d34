import { constitution, member } from "@/lib/backends"
import {
  constitutionReportPdf,
  reportPdfFailure,
  reportPdfRefusal,
} from "@/lib/constitution-report-download"
import { readToken } from "@/lib/session"

/** A saved result of the signed-in member as a PDF; another member's result answers 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const back = `/constitution/report/${encodeURIComponent(id)}`
  const token = await readToken()
  if (!token) {
    return reportPdfRefusal(
      401,
      "请先登录，再下载体质辨识报告。",
      `/account/sign-in?next=${encodeURIComponent(back)}`
    )
  }
  try {
    const [assessment, me] = await Promise.all([
      constitution.assessment(token, id),
      // Only for the name on the report.
      member.me(token).catch(() => null),
    ])
    const name = `${me?.last_name ?? ""}${me?.first_name ?? ""}`.trim()
    return await constitutionReportPdf({
      result: assessment,
      takenAt: assessment.created_at,
      memberName: name || null,
      review: assessment.review,
    })
  } catch (error) {
    return reportPdfFailure(error, back)
  }
}
