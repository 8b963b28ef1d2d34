import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { maskedMemberLabel } from "../lib/mask"
import { fenToYuan } from "../lib/money"
import { transferConfirmation } from "../lib/transfer-confirmation"
import type { Balances, LedgerRow, WithdrawalRow } from "../modules/affiliate/service"

type CustomerNames = {
  id: string
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  email?: string | null
}

/** Masked labels of customers, for referrer and team lists: members never see others' details. */
export async function maskedCustomerLabels(container: MedusaContainer, customerIds: string[]) {
  const ids = [...new Set(customerIds)]
  if (!ids.length) return new Map<string, string>()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "phone", "email"],
    filters: { id: ids },
  })
  return new Map((data as CustomerNames[]).map((c) => [c.id, maskedMemberLabel(c)]))
}

/** Amounts leave the API in yuan (CNY), like Medusa's own; the ledger keeps fen. */
export const balancesView = (balances: Balances) => ({
  pending: fenToYuan(balances.pending),
  available: fenToYuan(balances.available),
  withdrawing: fenToYuan(balances.withdrawing),
  withdrawn: fenToYuan(balances.withdrawn),
  spent: fenToYuan(balances.spent),
})

export const KIND_ZH: Record<string, string> = {
  commission: "佣金",
  reversal: "退款冲回",
  maturation: "结算入账",
  withdrawal_request: "申请提现",
  withdrawal_rejected: "提现驳回退回",
  withdrawal_paid: "提现到账",
  withdrawal_failed: "转账失败退回",
  store_credit: "余额抵扣",
  store_credit_return: "抵扣退回",
  adjustment: "人工调整",
}

export const entryView = (entry: LedgerRow) => ({
  id: entry.id,
  kind: entry.kind,
  kind_label: KIND_ZH[entry.kind] ?? entry.kind,
  bucket: entry.bucket,
  amount: fenToYuan(entry.amount),
  order_id: entry.order_id ?? null,
  product_id: entry.product_id ?? null,
  level: entry.level ?? null,
  rate_percent: entry.rate_bp == null ? null : entry.rate_bp / 100,
  base_amount: entry.base_amount == null ? null : fenToYuan(entry.base_amount),
  withdrawal_id: entry.withdrawal_id ?? null,
  cart_id: entry.cart_id ?? null,
  note: entry.note ?? null,
  created_at: entry.created_at,
})

/** Bank account numbers are shown with their last four digits only. */
function maskedPayee(payee: WithdrawalRow["payee"]) {
  if (!payee) return null
  const account = typeof payee.account_no === "string" ? payee.account_no : null
  return { ...payee, account_no: account ? `**** ${account.slice(-4)}` : undefined }
}

export const withdrawalView = (withdrawal: WithdrawalRow, { staff = false } = {}) => ({
  id: withdrawal.id,
  affiliate_id: withdrawal.affiliate_id,
  amount: fenToYuan(withdrawal.amount),
  method: withdrawal.method,
  status: withdrawal.status,
  payee: staff ? withdrawal.payee : maskedPayee(withdrawal.payee),
  rejection_reason: withdrawal.rejection_reason,
  payout_reference: withdrawal.payout_reference,
  transfer_state: withdrawal.transfer_state ?? null,
  // The member's WeChat confirms receipt with it (wx.requestMerchantTransfer) while paying.
  transfer_package: withdrawal.status === "paying" ? (withdrawal.transfer_package ?? null) : null,
  // Everything requestMerchantTransfer takes: { mch_id, app_id, package }, only while paying.
  transfer: transferConfirmation(withdrawal),
  reviewed_at: withdrawal.reviewed_at,
  paid_at: withdrawal.paid_at,
  created_at: withdrawal.created_at,
})

export const toFenFromYuan = (yuan: number) => Math.round(yuan * 100)
