import {
  createWorkflow,
  WorkflowResponse,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import {
  composeWechatWithdrawalTransfer,
  type WechatWithdrawalTransferInput,
} from "./compose-wechat-withdrawal-transfer"
import { providerWechatTransferSteps } from "./provider-wechat-transfer-steps"

export type TransferDoctorWithdrawalInput = WechatWithdrawalTransferInput

const steps = providerWechatTransferSteps<{ doctor_id: string }>({
  name: "doctor",
  module: DOCTOR_INCOME_MODULE,
  ownerOf: (withdrawal) => withdrawal.doctor_id,
  unbound:
    "该医生还没有绑定微信，无法转账到微信零钱；请改为银行卡打款，或请医生在小程序「我的收入」页绑定微信",
})

/**
 * Finance pays an approved doctor withdrawal by WeChat 商家转账
 * (POST /admin/doctor-income/withdrawals/:id/wechat-transfer), as escorts are paid: the
 * withdrawal becomes paying, the doctor confirms receipt in the mini-program, and WeChat's
 * callback (or the payments queue's check) settles it paid, or failed with the amount back
 * in the balance. The bill's number comes from the withdrawal's id, so WeChat itself refuses
 * a second bill for the same withdrawal.
 */
export const transferDoctorWithdrawalByWechatWorkflow = createWorkflow(
  "transfer-doctor-withdrawal-by-wechat",
  (input: WorkflowData<TransferDoctorWithdrawalInput>) =>
    new WorkflowResponse(
      composeWechatWithdrawalTransfer(input, {
        ...steps,
        // Reported to WeChat under the services scene, as escorts' pay is: not a commission.
        bill: {
          remark: "医生服务收入提现",
          report: { role: "医生", description: "在线问诊服务收入提现" },
        },
      })
    )
)
