import AffiliateModule, {
  AFFILIATE_MODULE,
} from "@health/medusa-plugin-affiliate/modules/affiliate"
import { settleWithdrawalTransferWorkflow } from "@health/medusa-plugin-affiliate/workflows"
import { FINAL_TRANSFER_STATES } from "@health/medusa-plugin-wechatpay"
import type { MedusaContainer } from "@medusajs/framework/types"

type AffiliateModuleService = InstanceType<(typeof AffiliateModule)["service"]>

/**
 * Applies a transfer bill's final state (from the callback or a check) to the withdrawal
 * it pays. Unknown bills and states still in flight are ignored; settling is idempotent.
 */
export async function settleWechatTransfer(
  container: MedusaContainer,
  bill: { out_bill_no: string; state: string; fail_reason?: string | null }
) {
  if (!FINAL_TRANSFER_STATES.includes(bill.state as never)) return { settled: false }
  const affiliate = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [withdrawal] = await affiliate.listWithdrawals({ payout_reference: bill.out_bill_no })
  if (!withdrawal) return { settled: false }
  const { result } = await settleWithdrawalTransferWorkflow(container).run({
    input: {
      withdrawal_id: withdrawal.id,
      succeeded: bill.state === "SUCCESS",
      state: bill.state,
      reason: bill.fail_reason ?? null,
    },
  })
  return { settled: result.changed }
}
