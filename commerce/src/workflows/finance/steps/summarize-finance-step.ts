import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FinancePeriod, FinanceSummary } from "../finance-period"
import type { RollupKnex } from "../finance-rollup"
import { readFinanceSummary } from "../read-finance-summary"

/** The summary of a period (see readFinanceSummary: rollup for finished days, raw for the rest). */
export const summarizeFinanceStep = createStep(
  "summarize-finance",
  async (input: FinancePeriod, { container }): Promise<StepResponse<FinanceSummary>> => {
    const knex = container.resolve<RollupKnex>(ContainerRegistrationKeys.PG_CONNECTION)
    return new StepResponse(await readFinanceSummary(knex, input))
  }
)
