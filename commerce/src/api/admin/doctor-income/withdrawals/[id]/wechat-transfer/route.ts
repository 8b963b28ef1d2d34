import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCTOR_INCOME_MODULE } from "../../../../../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../../../../../modules/doctor-income/service"
import { transferDoctorWithdrawalByWechatWorkflow } from "../../../../../../workflows/payouts/transfer-doctor-withdrawal-by-wechat"
import { presentDoctorWithdrawal } from "../../../../../doctor/income/present-doctor-income"
import type { AuditNote } from "../../../../enforce-staff-access"

/**
 * POST /admin/doctor-income/withdrawals/:id/wechat-transfer: finance pays an approved
 * withdrawal by WeChat 商家转账 to the WeChat the doctor bound (area money). 202: the doctor
 * confirms receipt in the mini-program; WeChat's outcome settles it.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<Record<string, never>>,
  res: MedusaResponse
) {
  const { result } = await transferDoctorWithdrawalByWechatWorkflow(req.scope).run({
    input: { withdrawal_id: req.params.id, staff_id: req.auth_context.actor_id },
  })
  const withdrawal = await req.scope
    .resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
    .withdrawal(req.params.id)
  res.locals.audit = {
    action: "doctor_income.withdrawal_wechat_transfer",
    details: {
      withdrawal_id: withdrawal.id,
      amount_fen: withdrawal.amount_fen,
      out_bill_no: result.bill.out_bill_no,
      state: result.bill.state,
    },
  } satisfies AuditNote
  res.status(202).json({
    withdrawal: presentDoctorWithdrawal(withdrawal, "staff"),
    transfer: {
      out_bill_no: result.bill.out_bill_no,
      transfer_bill_no: result.bill.transfer_bill_no,
      state: result.bill.state,
    },
  })
}
