import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildCommissionStatementWorkflow } from "../../../../../../workflows/finance/build-commission-statement"
import { auditFinanceRead } from "../../../audit-finance-read"
import type { CommissionStatementQueryType } from "../../../validators"
import { buildCommissionStatementPdf } from "./commission-statement-pdf"
import { writeCommissionStatement } from "./commission-statement-workbook"
import { statementFont } from "./statement-font"

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const

/** 分销对账单 of one affiliate for one month, as an Excel workbook or (format=pdf) a PDF. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.commission_statement")
  const { month, format } = req.validatedQuery as CommissionStatementQueryType
  const font = format === "pdf" ? await statementFont() : null
  if (format === "pdf" && !font) {
    res
      .status(503)
      .json({ message: "服务器缺少中文字体（REPORT_CJK_FONT），暂时无法生成 PDF 对账单" })
    return
  }
  const { result } = await buildCommissionStatementWorkflow(req.scope).run({
    input: { affiliate_id: req.params.id, month },
  })
  const filename = `分销对账单_${result.affiliate.code}_${month}.${format}`
  res.setHeader("Content-Type", CONTENT_TYPES[format])
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="commission-statement-${result.affiliate.code}-${month}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`
  )
  if (font) {
    res.end(Buffer.from(await buildCommissionStatementPdf(result, font)))
    return
  }
  await writeCommissionStatement(res, result)
  if (!res.writableEnded) res.end()
}
