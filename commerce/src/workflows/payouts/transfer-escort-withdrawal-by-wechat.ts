import { outBillNoFor } from "@health/medusa-plugin-wechatpay"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import {
  composeWechatWithdrawalTransfer,
  type WechatWithdrawalTransferInput,
} from "./compose-wechat-withdrawal-transfer"

export type TransferEscortWithdrawalInput = WechatWithdrawalTransferInput

const income = (container: Pick<MedusaContainer, "resolve">) =>
  container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)

/** Who gets the money and how much: the WeChat the escort bound, never the client's word. */
const prepareEscortTransferStep = createStep(
  "prepare-escort-wechat-transfer",
  async (input: TransferEscortWithdrawalInput, { container }) => {
    const withdrawal = await income(container).withdrawal(input.withdrawal_id)
    if (withdrawal.status !== "approved") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "只有已审核的提现申请可以发起微信转账（已在转账中或已处理的不能重复发起）"
      )
    }
    const account = await income(container).payoutAccount(withdrawal.escort_id)
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "该陪诊员还没有绑定微信，无法转账到微信零钱；请改为银行卡打款，或请陪诊员在小程序「收入」页绑定微信"
      )
    }
    return new StepResponse({
      openid: account.wechat_openid,
      amount: withdrawal.amount_fen,
      out_bill_no: outBillNoFor(withdrawal.id),
    })
  }
)

/** approved → paying (under the escort's lock); back to approved if WeChat refuses the bill. */
const startEscortTransferStep = createStep(
  "start-escort-wechat-transfer",
  async (
    input: { withdrawal_id: string; staff_id: string; out_bill_no: string },
    { container }
  ) => {
    await income(container).startWechatTransfer(input)
    return new StepResponse(input.withdrawal_id, input.withdrawal_id)
  },
  async (withdrawalId, { container }) => {
    if (withdrawalId) await income(container).abandonWechatTransfer(withdrawalId)
  }
)

const recordEscortTransferStateStep = createStep(
  "record-escort-wechat-transfer-state",
  async (
    input: { withdrawal_id: string; state: string; package_info: string | null },
    { container }
  ) => {
    await income(container).recordWechatTransferState(input)
    return new StepResponse(input.state)
  }
)

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
        prepare: prepareEscortTransferStep,
        start: startEscortTransferStep,
        record: recordEscortTransferStateStep,
        // Reported to WeChat under scene 1005: an escort's pay for services, not a commission.
        bill: {
          remark: "陪诊服务收入提现",
          report: { role: "陪诊员", description: "陪诊服务收入提现" },
        },
      })
    )
)
