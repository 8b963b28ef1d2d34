import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECONCILIATION_MODULE } from "../../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../../modules/reconciliation/service"
import type { BillDifference, BillMatch } from "../match-wechat-bill"

export type RecordRunInput = {
  provider_id: string
  bill_date: string
  bill_exists: boolean
  bill_lines: number
  match: BillMatch
  started_by: string
}

const keyOf = (d: Pick<BillDifference, "kind" | "subject" | "out_trade_no" | "out_refund_no">) =>
  [d.kind, d.subject, d.out_trade_no, d.out_refund_no ?? ""].join("|")

/**
 * Stores the run and its differences. A day run again keeps what finance already resolved:
 * the same difference found again carries its note over. Compensation removes the run.
 */
export const recordReconciliationRunStep = createStep(
  "record-reconciliation-run",
  async (input: RecordRunInput, { container }) => {
    const service = container.resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    const earlier = await service.listReconciliationRuns(
      { provider_id: input.provider_id, bill_date: input.bill_date },
      { select: ["id"] }
    )
    const resolved = new Map<
      string,
      { resolution_note: string; resolved_by: string; resolved_at: Date }
    >()
    if (earlier.length) {
      const previous = await service.listReconciliationDifferences({
        run_id: earlier.map((run) => run.id),
        resolved_at: { $ne: null },
      })
      for (const d of previous) {
        resolved.set(keyOf(d as BillDifference), {
          resolution_note: d.resolution_note!,
          resolved_by: d.resolved_by!,
          resolved_at: d.resolved_at as Date,
        })
      }
    }
    const run = await service.createReconciliationRuns({
      provider_id: input.provider_id,
      bill_date: input.bill_date,
      status: "completed",
      bill_exists: input.bill_exists,
      bill_lines: input.bill_lines,
      matched: input.match.matched,
      difference_count: input.match.differences.length,
      totals: input.match.totals,
      started_by: input.started_by,
    })
    if (input.match.differences.length) {
      await service.createReconciliationDifferences(
        input.match.differences.map((difference) => ({
          ...difference,
          ...(resolved.get(keyOf(difference)) ?? {}),
          run_id: run.id,
        }))
      )
    }
    return new StepResponse(run, run.id)
  },
  async (runId, { container }) => {
    if (!runId) return
    await container
      .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
      .deleteReconciliationRuns(runId)
  }
)
