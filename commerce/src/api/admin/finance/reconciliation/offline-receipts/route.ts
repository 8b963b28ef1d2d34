import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { offlineReceiptsSql } from "../../../../../workflows/payments/reconciliation/offline-receipts-sql"
import { recordOfflineReceiptWorkflow } from "../../../../../workflows/payments/reconciliation/record-offline-receipt"
import { auditReconciliationRead } from "../audit-reconciliation-read"
import type { OfflineReceiptsQueryType, RecordOfflineReceiptBodyType } from "../validators"

type Knex = {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

/** Confirmed offline payments and their bank references; problem= lists those without or shared. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditReconciliationRead(req, res, "finance.offline_receipts")
  const { problem, limit, offset } = req.validatedQuery as OfflineReceiptsQueryType
  const { rows } = await req.scope
    .resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    .raw(offlineReceiptsSql(problem), [limit, offset])
  const receipts = rows.map(({ total: _total, uses, amount, ...row }) => ({
    ...row,
    amount: Number(amount),
    missing_reference: row.bank_reference === null,
    duplicate_reference: Number(uses) > 1,
  }))
  res.json({ receipts, count: Number(rows[0]?.total ?? 0), limit, offset })
}

/** Finance records the bank reference (银行流水号) of an offline payment it confirmed. */
export async function POST(
  req: AuthenticatedMedusaRequest<RecordOfflineReceiptBodyType>,
  res: MedusaResponse
) {
  const { result: receipt } = await recordOfflineReceiptWorkflow(req.scope).run({
    input: { ...req.validatedBody, staff_id: req.auth_context.actor_id },
  })
  res.json({ receipt })
}
