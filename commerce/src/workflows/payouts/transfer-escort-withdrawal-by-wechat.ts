import {
  createWorkflow,
  WorkflowResponse,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import {
  composeWechatWithdrawalTransfer,
  type WechatWithdrawalTransferInput,
} from "./compose-wechat-withdrawal-transfer"
import { providerWechatTransferSteps } from "./provider-wechat-transfer-steps"

export type TransferEscortWithdrawalInput = WechatWithdrawalTransferInput

const steps = providerWechatTransferSteps<{ escort_id: string }>({
  name: "escort",
  module: ESCORT_INCOME_MODULE,
  ownerOf: (withdrawal) => withdrawal.escort_id,
  unbound:
    "该陪诊员还没有绑定微信，无法转账到微信零钱；请改为银行卡打款，或请陪诊员在小程序「收入」页绑定微信",
})

/**
 * Finance pays an approved escort withdrawal by WeChat 商家转账
 * (POST /admin/escort-income/withdrawals/:id/wechat-transfer), the affiliates' payout path:
 * the withdrawal becomes paying, the escort confirms receipt in the mini-program, and
 * WeChat's callback (or the payments queue's check) settles it paid, or failed with the
 * amount back in the balance. The bill's number comes from the withdrawal's id, so WeChat
 * itself refuses a second bill for the same withdrawal.
 */
export const transferEscortWithdrawalByWechatWorkflow = createWorkflow(
  "transfer-escort-withdrawal-by-wechat",
  (input: WorkflowData<TransferEscortWithdrawalInput>) =>
    new WorkflowResponse(
      composeWechatWithdrawalTransfer(input, {
        ...steps,
        // Reported to WeChat under scene 1005: an escort's pay for services, not a commission.
        bill: {
          remark: "陪诊服务收入提现",
          report: { role: "陪诊员", description: "陪诊服务收入提现" },
        },
      })
    )
)
