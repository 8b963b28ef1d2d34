import {
  createWechatTransferBillStep,
  ensureWechatpayConfiguredStep,
  type CreateWechatTransferBillInput,
} from "@health/medusa-plugin-wechatpay/workflows"
import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { followTransferStep } from "./follow-wechat-transfer-step"

export type WechatWithdrawalTransferInput = { withdrawal_id: string; staff_id: string }

/** Who gets the money and how much (fen), and the bill's number. */
export type PreparedWechatTransfer = { openid: string; amount: number; out_bill_no: string }

/** What differs between whose withdrawal is paid: their own steps, and what the bill says. */
export type WechatWithdrawalSide = {
  prepare: (
    input: WorkflowData<WechatWithdrawalTransferInput>
  ) => WorkflowData<PreparedWechatTransfer>
  /** approved → paying; its compensation puts the withdrawal back if WeChat refuses the bill. */
  start: (
    input: WorkflowData<{ withdrawal_id: string; staff_id: string; out_bill_no: string }>
  ) => unknown
  record: (
    input: WorkflowData<{ withdrawal_id: string; state: string; package_info: string | null }>
  ) => unknown
  bill: Pick<CreateWechatTransferBillInput, "remark" | "report">
}

/**
 * The steps every withdrawal paid by WeChat 商家转账 takes, an affiliate's or an escort's:
 * the merchant must be configured, the side prepares and starts its withdrawal, WeChat gets the
 * bill, the side records WeChat's answer, and a finished bill is settled at once (others wait
 * for the callback or the check). Call it inside a `createWorkflow` composer.
 */
export function composeWechatWithdrawalTransfer(
  input: WorkflowData<WechatWithdrawalTransferInput>,
  side: WechatWithdrawalSide
) {
  ensureWechatpayConfiguredStep({ message: "未配置微信支付商户，不能转账到微信零钱" })
  const prepared = side.prepare(input)
  side.start(
    transform({ input, prepared }, ({ input, prepared }) => ({
      withdrawal_id: input.withdrawal_id,
      staff_id: input.staff_id,
      out_bill_no: prepared.out_bill_no,
    }))
  )
  const bill = createWechatTransferBillStep(
    transform({ prepared }, ({ prepared }) => ({ ...prepared, ...side.bill }))
  )
  side.record(
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
  return transform({ bill, followed }, ({ bill, followed }) => ({ bill, followed }))
}
