import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECONCILIATION_MODULE } from "../../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../../modules/reconciliation/service"
import { OFFLINE_PROVIDER_ID } from "../offline-receipts-sql"

type Knex = {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

export type RecordOfflineReceiptInput = {
  payment_id: string
  bank_reference: string
  staff_id: string
}

type PaymentRow = {
  id: string
  provider_id: string
  captured_at: Date | null
  amount_fen: string | number
  order_id: string | null
}

/**
 * Keeps the bank reference of a confirmed offline payment. One per payment: the unique index
 * refuses a second row (two people at once), and the same reference again is a no-op.
 * Compensation removes the row this step created.
 */
export const recordOfflineReceiptStep = createStep(
  "record-offline-receipt",
  async (input: RecordOfflineReceiptInput, { container }) => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(
      `select p.id, p.provider_id, p.captured_at, round(p.amount * 100)::bigint as amount_fen, opc.order_id
         from payment p
         left join order_payment_collection opc
           on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
        where p.id = ? and p.deleted_at is null`,
      [input.payment_id]
    )
    const payment = rows[0] as PaymentRow | undefined
    if (!payment) throw new MedusaError(MedusaError.Types.NOT_FOUND, "收款记录不存在")
    if (payment.provider_id !== OFFLINE_PROVIDER_ID)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "只有线下付款需要登记银行流水号")
    if (!payment.captured_at)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "请先确认收款，再登记银行流水号")

    const service = container.resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    const existing = async () => (await service.listOfflineReceipts({ payment_id: payment.id }))[0]
    const already = await existing()
    if (already) return same(already, input.bank_reference)
    try {
      const receipt = await service.createOfflineReceipts({
        payment_id: payment.id,
        order_id: payment.order_id,
        amount: Number(payment.amount_fen),
        bank_reference: input.bank_reference,
        recorded_by: input.staff_id,
      })
      return new StepResponse(receipt, receipt.id)
    } catch (error) {
      // Someone recorded it at the same moment: theirs stands.
      const raced = await existing()
      if (!raced) throw error
      return same(raced, input.bank_reference)
    }
  },
  async (receiptId, { container }) => {
    if (!receiptId) return
    await container
      .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
      .deleteOfflineReceipts(receiptId)
  }
)

function same<T extends { bank_reference: string }>(receipt: T, reference: string) {
  if (receipt.bank_reference !== reference) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `该笔收款已登记银行流水号 ${receipt.bank_reference}，不能改为 ${reference}`
    )
  }
  return new StepResponse(receipt, null as string | null)
}
