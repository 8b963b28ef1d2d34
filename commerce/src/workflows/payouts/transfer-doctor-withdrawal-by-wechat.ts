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
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"
import {
  composeWechatWithdrawalTransfer,
  type WechatWithdrawalTransferInput,
} from "./compose-wechat-withdrawal-transfer"

export type TransferDoctorWithdrawalInput = WechatWithdrawalTransferInput

const income = (container: Pick<MedusaContainer, "resolve">) =>
  container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)

/** Who gets the money and how much: the WeChat the doctor bound, never the client's word. */
const prepareDoctorTransferStep = createStep(
  "prepare-doctor-wechat-transfer",
  async (input: TransferDoctorWithdrawalInput, { container }) => {
    const withdrawal = await income(container).withdrawal(input.withdrawal_id)
    if (withdrawal.status !== "approved") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "只有已审核的提现申请可以发起微信转账（已在转账中或已处理的不能重复发起）"
      )
    }
    const account = await income(container).payoutAccount(withdrawal.doctor_id)
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "该医生还没有绑定微信，无法转账到微信零钱；请改为银行卡打款，或请医生在小程序「我的收入」页绑定微信"
      )
    }
    return new StepResponse({
      openid: account.wechat_openid,
      amount: withdrawal.amount_fen,
      out_bill_no: outBillNoFor(withdrawal.id),
    })
  }
)

/** approved → paying (under the doctor's lock); back to approved if WeChat refuses the bill. */
const startDoctorTransferStep = createStep(
  "start-doctor-wechat-transfer",
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

const recordDoctorTransferStateStep = createStep(
  "record-doctor-wechat-transfer-state",
  async (
    input: { withdrawal_id: string; state: string; package_info: string | null },
    { container }
  ) => {
    await income(container).recordWechatTransferState(input)
    return new StepResponse(input.state)
  }
)

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
        prepare: prepareDoctorTransferStep,
        start: startDoctorTransferStep,
        record: recordDoctorTransferStateStep,
        // Reported to WeChat under the services scene, as escorts' pay is: not a commission.
        bill: {
          remark: "医生服务收入提现",
          report: { role: "医生", description: "在线问诊服务收入提现" },
        },
      })
    )
)
