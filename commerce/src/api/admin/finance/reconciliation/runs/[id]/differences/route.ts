import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { RECONCILIATION_MODULE } from "../../../../../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../../../../../modules/reconciliation/service"
import { auditReconciliationRead } from "../../../audit-reconciliation-read"
import type { ReconciliationDifferencesQueryType } from "../../../validators"

/** One run and its differences, each with the order it concerns (display number). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditReconciliationRead(req, res, "finance.reconciliation_differences")
  const { resolved, limit, offset } = req.validatedQuery as ReconciliationDifferencesQueryType
  const service = req.scope.resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
  const [run] = await service.listReconciliationRuns({ id: req.params.id })
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, "对账记录不存在")
  const [differences, count] = await service.listAndCountReconciliationDifferences(
    {
      run_id: run.id,
      ...(resolved === "true" && { resolved_at: { $ne: null } }),
      ...(resolved === "false" && { resolved_at: null }),
    },
    { order: { created_at: "ASC", id: "ASC" }, take: limit, skip: offset }
  )
  const orderIds = [...new Set(differences.map((d) => d.order_id).filter(Boolean))] as string[]
  const { data: orders } = orderIds.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["id", "display_id"],
        filters: { id: orderIds },
      })
    : { data: [] }
  const displayIds = new Map(
    (orders as { id: string; display_id: number | string | null }[]).map((o) => [
      o.id,
      o.display_id,
    ])
  )
  res.json({
    run,
    differences: differences.map((d) => ({
      ...d,
      order: d.order_id ? { id: d.order_id, display_id: displayIds.get(d.order_id) ?? null } : null,
    })),
    count,
    limit,
    offset,
  })
}
