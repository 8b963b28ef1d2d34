import {
  recordWithdrawalTransferStep,
  startWithdrawalTransferStep,
} from "@health/medusa-plugin-affiliate/workflows"
import AffiliateModule, {
  AFFILIATE_MODULE,
} from "@health/medusa-plugin-affiliate/modules/affiliate"
import { FINAL_TRANSFER_STATES, outBillNoFor } from "@health/medusa-plugin-wechatpay"
import {
  createWechatTransferBillStep,
  ensureWechatpayConfiguredStep,
} from "@health/medusa-plugin-wechatpay/workflows"
import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  PaymentsJob,
  QUEUE_MODULE,
  QueueName,
  RECONCILE_TRANSFER_DELAY_MS,
  type JobQueue,
} from "../../lib/queue/jobs"
import { openidOfCustomer } from "../../modules/wechat-platform/openid-of-customer"
import { settleWechatTransfer } from "./settle-wechat-transfer"

type AffiliateModuleService = InstanceType<(typeof AffiliateModule)["service"]>

export type TransferWithdrawalInput = { withdrawal_id: string; staff_id: string }

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

/** A bill WeChat finished at once is settled now; others wait for the callback or the check. */
const followTransferStep = createStep(
  "follow-wechat-transfer",
  async (
    input: { withdrawal_id: string; out_bill_no: string; state: string; fail_reason?: string },
    { container }
  ) => {
    if (FINAL_TRANSFER_STATES.includes(input.state as never)) {
      await settleWechatTransfer(container, {
        out_bill_no: input.out_bill_no,
        state: input.state,
        fail_reason: input.fail_reason,
      })
      return new StepResponse("settled")
    }
    await container
      .resolve<JobQueue>(QUEUE_MODULE)
      .enqueue(
        QueueName.PAYMENTS,
        PaymentsJob.RECONCILE_TRANSFER,
        { out_bill_no: input.out_bill_no, checks: 0 },
        { delay: RECONCILE_TRANSFER_DELAY_MS(), jobId: `reconcile-transfer-${input.out_bill_no}-0` }
      )
    return new StepResponse("waiting")
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
  (input: TransferWithdrawalInput) => {
    ensureWechatpayConfiguredStep({ message: "未配置微信支付商户，不能转账到微信零钱" })
    const prepared = prepareWechatTransferStep(input)
    startWithdrawalTransferStep(
      transform({ input, prepared }, ({ input, prepared }) => ({
        withdrawal_id: input.withdrawal_id,
        staff_id: input.staff_id,
        out_bill_no: prepared.out_bill_no,
      }))
    )
    const bill = createWechatTransferBillStep(
      transform({ prepared }, ({ prepared }) => ({ ...prepared, remark: "分销佣金提现" }))
    )
    recordWithdrawalTransferStep(
      transform({ input, bill }, ({ input, bill }) => ({
        withdrawal_id: input.withdrawal_id,
        state: bill.state,
        package_info: bill.package_info ?? null,
      }))
    )
    const followed = followTransferStep(
      transform({ input, bill }, ({ input, bill }) => ({
        withdrawal_id: input.withdrawal_id,
        out_bill_no: bill.out_bill_no,
        state: bill.state,
        fail_reason: bill.fail_reason,
      }))
    )
    return new WorkflowResponse(
      transform({ bill, followed }, ({ bill, followed }) => ({ bill, followed }))
    )
  }
)
