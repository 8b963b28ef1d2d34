import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { publicOrigin } from "../../../../../lib/config/public-origins"
import { cjkFont } from "../../../../../lib/pdf/cjk-font"
import { memberAssessment } from "../../../../assessment-request"
import { sendFile } from "../../../../health-archive-request"
import { buildAssessmentReportPdf } from "./assessment-report-pdf"

/**
 * GET `?version=n` (default the newest) → the 检测评估报告 as a PDF, for the member only. A
 * published version never changes, so its PDF is the same each time it is drawn.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { assessments, assessment } = await memberAssessment(req)
  const { version } = req.validatedQuery as { version: number | null }
  const versions = await assessments.versions(assessment.id)
  const report = version ? versions.find((each) => each.version === version) : versions.at(-1)
  if (!report) throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这一版评估报告")
  const font = await cjkFont()
  if (!font) {
    res
      .status(503)
      .json({ message: "服务器缺少中文字体（REPORT_CJK_FONT），暂时无法生成 PDF 报告" })
    return
  }
  const bytes = await buildAssessmentReportPdf(report, font, publicOrigin("storefront"))
  sendFile(res, {
    bytes: Buffer.from(bytes),
    mime_type: "application/pdf",
    filename: `检测评估报告-第${report.version}版.pdf`,
    download: true,
  })
}
