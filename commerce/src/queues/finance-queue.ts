import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FinanceJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { refreshFinanceRollups, type RollupKnex } from "../workflows/finance/finance-rollup"

/**
 * Keeps 财务统计's daily rollup fresh: every ten minutes it folds in the days that have
 * finished and recomputes the past days whose money changed (the triggers mark them). Until
 * then the reports read those days raw, so they are never stale, only slower.
 */
export const financeQueue: QueueProcessor = {
  queue: QueueName.FINANCE,
  concurrency: 1,
  handlers: {
    [FinanceJob.REFRESH_ROLLUP]: async (_data: unknown, { container }) => ({
      days: await refreshFinanceRollups(
        container.resolve<RollupKnex>(ContainerRegistrationKeys.PG_CONNECTION)
      ),
    }),
  },
  schedules: [
    {
      id: "refresh-finance-rollup-every-10-minutes",
      job: FinanceJob.REFRESH_ROLLUP,
      everyMs: 10 * 60_000,
    },
  ],
}
