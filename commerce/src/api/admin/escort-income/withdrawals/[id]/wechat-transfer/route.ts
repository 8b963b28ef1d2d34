import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_INCOME_MODULE } from "../../../../../../modules/escort-income"
import type EscortIncomeModuleService from "../../../../../../modules/escort-income/service"
import { transferEscortWithdrawalByWechatWorkflow } from "../../../../../../workflows/payouts/transfer-escort-withdrawal-by-wechat"
import { presentEscortWithdrawal } from "../../../../../escort/withdrawals/present-escort-withdrawal"
import type { AuditNote } from "../../../../enforce-staff-access"

/**
 * POST /admin/escort-income/withdrawals/:id/wechat-transfer: finance pays an approved
 * withdrawal by WeChat 商家转账 to the WeChat the escort bound (area money). 202: the
 * escort confirms receipt in the mini-program; WeChat's outcome settles it.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<Record<string, never>>,
  res: MedusaResponse
) {
  const { result } = await transferEscortWithdrawalByWechatWorkflow(req.scope).run({
    input: { withdrawal_id: req.params.id, staff_id: req.auth_context.actor_id },
  })
  const withdrawal = await req.scope
    .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    .withdrawal(req.params.id)
  res.locals.audit = {
    action: "escort_income.withdrawal_wechat_transfer",
    details: {
      withdrawal_id: withdrawal.id,
      amount_fen: withdrawal.amount_fen,
      out_bill_no: result.bill.out_bill_no,
      state: result.bill.state,
    },
  } satisfies AuditNote
  res.status(202).json({
    withdrawal: presentEscortWithdrawal(withdrawal, "staff"),
    transfer: {
      out_bill_no: result.bill.out_bill_no,
      transfer_bill_no: result.bill.transfer_bill_no,
      state: result.bill.state,
    },
  })
}
