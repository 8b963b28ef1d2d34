import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECONCILIATION_MODULE } from "../../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../../modules/reconciliation/service"

type Knex = {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

export type ResolveDifferenceInput = { id: string; note: string; staff_id: string }

/**
 * Records finance's note on an open difference. One conditional UPDATE (… and resolved_at is
 * null) decides: of two people resolving at once, one wins and the other is told it is done.
 * Compensation reopens it.
 */
export const resolveDifferenceStep = createStep(
  "resolve-reconciliation-difference",
  async (input: ResolveDifferenceInput, { container }) => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(
      `update reconciliation_difference
          set resolution_note = ?, resolved_by = ?, resolved_at = now(), updated_at = now()
        where id = ? and resolved_at is null and deleted_at is null
        returning id`,
      [input.note, input.staff_id, input.id]
    )
    const service = container.resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    if (!rows.length) {
      const [existing] = await service.listReconciliationDifferences({ id: input.id })
      if (!existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, "对账差异不存在")
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "该差异已处理，不能重复处理")
    }
    const [difference] = await service.listReconciliationDifferences({ id: input.id })
    return new StepResponse(difference, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container
      .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
      .updateReconciliationDifferences({
        id,
        resolution_note: null,
        resolved_by: null,
        resolved_at: null,
      })
  }
)
