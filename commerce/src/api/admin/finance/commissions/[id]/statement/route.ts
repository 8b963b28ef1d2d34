import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildCommissionStatementWorkflow } from "../../../../../../workflows/finance/build-commission-statement"
import { auditFinanceRead } from "../../../audit-finance-read"
import type { CommissionStatementQueryType } from "../../../validators"
import { writeCommissionStatement } from "./commission-statement-workbook"

/** 分销对账单 of one affiliate for one month, as an Excel workbook. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.commission_statement")
  const { month } = req.validatedQuery as CommissionStatementQueryType
  const { result } = await buildCommissionStatementWorkflow(req.scope).run({
    input: { affiliate_id: req.params.id, month },
  })
  const filename = `分销对账单_${result.affiliate.code}_${month}.xlsx`
  res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="commission-statement-${result.affiliate.code}-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`
  )
  await writeCommissionStatement(res, result)
  if (!res.writableEnded) res.end()
}
