import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transferWithdrawalByWechatWorkflow } from "../../../../workflows/payouts/transfer-withdrawal-by-wechat"
import type { AuditNote } from "../../enforce-staff-access"
import type { WechatTransferBodyType } from "./validators"

/**
 * Finance pays an approved WeChat withdrawal by 商家转账 (finance role; the route table
 * files it under money). The member then confirms receipt in the mini-program.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<WechatTransferBodyType>,
  res: MedusaResponse
) {
  const { result } = await transferWithdrawalByWechatWorkflow(req.scope).run({
    input: { withdrawal_id: req.validatedBody.withdrawal_id, staff_id: req.auth_context.actor_id },
  })
  res.locals.audit = {
    action: "affiliate.withdrawals.wechat_transfer",
    details: {
      withdrawal_id: req.validatedBody.withdrawal_id,
      out_bill_no: result.bill.out_bill_no,
      state: result.bill.state,
    },
  } satisfies AuditNote
  res.status(202).json({
    transfer: {
      out_bill_no: result.bill.out_bill_no,
      transfer_bill_no: result.bill.transfer_bill_no,
      state: result.bill.state,
    },
  })
}
