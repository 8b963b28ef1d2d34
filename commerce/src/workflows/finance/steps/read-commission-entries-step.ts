import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CommissionFigure } from "../commission-accounting-sql"
import {
  readCommissionEntries,
  type CommissionEntriesPage,
  type CommissionPeriod,
} from "../commission-accounts"
import type { Knex } from "../finance-knex"

export type ReadCommissionEntriesInput = CommissionPeriod & {
  affiliate_id: string
  figure: CommissionFigure
  offset: number
  limit: number
}

/** The ledger lines (and their orders) behind one commission figure of one affiliate. */
export const readCommissionEntriesStep = createStep(
  "read-commission-entries",
  async (input: ReadCommissionEntriesInput, { container }) => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    return new StepResponse<CommissionEntriesPage>(await readCommissionEntries(knex, input))
  }
)
