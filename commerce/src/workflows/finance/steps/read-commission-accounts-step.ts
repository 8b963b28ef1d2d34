import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  readCommissionAccounts,
  type CommissionAccountsPage,
  type CommissionPeriod,
} from "../commission-accounts"
import type { RollupKnex } from "../finance-knex"

export type ReadCommissionAccountsInput = CommissionPeriod & {
  affiliate_id?: string
  offset: number
  limit: number
}

/** Affiliates' accrued, reversed, matured, withdrawn and outstanding commissions, from the ledger. */
export const readCommissionAccountsStep = createStep(
  "read-commission-accounts",
  async (input: ReadCommissionAccountsInput, { container }) => {
    const knex = container.resolve<RollupKnex>(ContainerRegistrationKeys.PG_CONNECTION)
    return new StepResponse<CommissionAccountsPage>(await readCommissionAccounts(knex, input))
  }
)
