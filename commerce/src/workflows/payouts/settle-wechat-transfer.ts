import AffiliateModule, {
  AFFILIATE_MODULE,
} from "@health/medusa-plugin-affiliate/modules/affiliate"
import { settleWithdrawalTransferWorkflow } from "@health/medusa-plugin-affiliate/workflows"
import { FINAL_TRANSFER_STATES } from "@health/medusa-plugin-wechatpay"
import type { MedusaContainer } from "@medusajs/framework/types"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"

type AffiliateModuleService = InstanceType<(typeof AffiliateModule)["service"]>

/**
 * Applies a transfer bill's final state (from the callback or a check) to the withdrawal
 * it pays: an affiliate's, an escort's or a doctor's (their out_bill_no come from ids with
 * different prefixes, so a bill is never two of them). Unknown bills and states still in
 * flight are ignored; settling is idempotent.
 */
export async function settleWechatTransfer(
  container: MedusaContainer,
  bill: { out_bill_no: string; state: string; fail_reason?: string | null }
) {
  if (!FINAL_TRANSFER_STATES.includes(bill.state as never)) return { settled: false }
  const affiliate = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [withdrawal] = await affiliate.listWithdrawals({ payout_reference: bill.out_bill_no })
  if (!withdrawal) return settleEscortWechatTransfer(container, bill)
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

async function settleEscortWechatTransfer(
  container: MedusaContainer,
  bill: { out_bill_no: string; state: string; fail_reason?: string | null }
) {
  const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
  const withdrawal = await income.withdrawalOfTransfer(bill.out_bill_no)
  if (!withdrawal) return settleDoctorWechatTransfer(container, bill)
  const { changed } = await income.settleWechatTransfer({
    withdrawal_id: withdrawal.id,
    succeeded: bill.state === "SUCCESS",
    state: bill.state,
    reason: bill.fail_reason ?? null,
  })
  return { settled: changed }
}

async function settleDoctorWechatTransfer(
  container: MedusaContainer,
  bill: { out_bill_no: string; state: string; fail_reason?: string | null }
) {
  const income = container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
  const withdrawal = await income.withdrawalOfTransfer(bill.out_bill_no)
  if (!withdrawal) return { settled: false }
  const { changed } = await income.settleWechatTransfer({
    withdrawal_id: withdrawal.id,
    succeeded: bill.state === "SUCCESS",
    state: bill.state,
    reason: bill.fail_reason ?? null,
  })
  return { settled: changed }
}
