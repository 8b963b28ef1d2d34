import {
  recordWithdrawalTransferStep,
  startWithdrawalTransferStep,
} from "@health/medusa-plugin-affiliate/workflows"
import AffiliateModule, {
  AFFILIATE_MODULE,
} from "@health/medusa-plugin-affiliate/modules/affiliate"
import { outBillNoFor } from "@health/medusa-plugin-wechatpay"
import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import { openidOfCustomer } from "../../modules/wechat-platform/openid-of-customer"
import {
  composeWechatWithdrawalTransfer,
  type WechatWithdrawalTransferInput,
} from "./compose-wechat-withdrawal-transfer"

type AffiliateModuleService = InstanceType<(typeof AffiliateModule)["service"]>

export type TransferWithdrawalInput = WechatWithdrawalTransferInput

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Who gets the money and how much: the member's mini-program openid, never the client's word. */
const prepareWechatTransferStep = createStep(
  "prepare-wechat-transfer",
  async (input: TransferWithdrawalInput, { container }) => {
    const affiliate = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [withdrawal] = await affiliate.listWithdrawals({ id: input.withdrawal_id })
    if (!withdrawal) throw new MedusaError(MedusaError.Types.NOT_FOUND, "提现申请不存在")
    const [owner] = await affiliate.listAffiliates({ id: withdrawal.affiliate_id })
    const openid = owner && (await openidOfCustomer(container, owner.customer_id))
    if (!openid) {
      throw invalid(
        "该会员没有用微信小程序登录过，无法转账到微信零钱；请改为银行卡打款，或请会员在小程序登录后重新申请"
      )
    }
    return new StepResponse({
      openid,
      amount: Number(withdrawal.amount),
      out_bill_no: outBillNoFor(withdrawal.id),
    })
  }
)

/**
 * Finance pays an approved WeChat withdrawal by 商家转账: the withdrawal becomes paying,
 * WeChat holds the money until the member confirms receipt in the mini-program, and the
 * callback (or a later check) settles it paid or failed. If WeChat refuses the bill,
 * the withdrawal goes back to approved.
 */
export const transferWithdrawalByWechatWorkflow = createWorkflow(
  "transfer-withdrawal-by-wechat",
  (input: WorkflowData<TransferWithdrawalInput>) =>
    new WorkflowResponse(
      composeWechatWithdrawalTransfer(input, {
        prepare: prepareWechatTransferStep,
        start: startWithdrawalTransferStep,
        record: recordWithdrawalTransferStep,
        bill: { remark: "分销佣金提现" },
      })
    )
)
