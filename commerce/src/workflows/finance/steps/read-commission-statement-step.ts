import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  memberOf,
  readCommissionAccounts,
  readCommissionEntries,
  type CommissionAccount,
  type CommissionEntry,
} from "../commission-accounts"
import type { RollupKnex } from "../finance-knex"

export type CommissionStatement = {
  month: string
  from: string
  to: string
  affiliate: { id: string; code: string; member: string }
  account: CommissionAccount | null
  entries: CommissionEntry[]
}

/** The first and last Beijing dates of YYYY-MM. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, number] = month.split("-").map(Number)
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` }
}

/**
 * An affiliate's month: its figures and every ledger line of the month (one affiliate's
 * month is a few hundred lines at most, so they are read at once).
 */
export const readCommissionStatementStep = createStep(
  "read-commission-statement",
  async (input: { affiliate_id: string; month: string }, { container }) => {
    const knex = container.resolve<RollupKnex>(ContainerRegistrationKeys.PG_CONNECTION)
    const {
      rows: [affiliate],
    } = await knex.raw(
      `select a.id, a.code, cu.phone, cu.first_name, cu.last_name, cu.email
         from affiliate a left join customer cu on cu.id = a.customer_id
        where a.id = ? and a.deleted_at is null`,
      [input.affiliate_id]
    )
    if (!affiliate) throw new MedusaError(MedusaError.Types.NOT_FOUND, "分销商不存在")
    const days = monthDays(input.month)
    const accounts = await readCommissionAccounts(knex, {
      ...days,
      affiliate_id: input.affiliate_id,
      offset: 0,
      limit: 1,
    })
    const { entries } = await readCommissionEntries(knex, {
      ...days,
      affiliate_id: input.affiliate_id,
      figure: "all",
      offset: 0,
    })
    const account = accounts.accounts[0] ?? null
    return new StepResponse<CommissionStatement>({
      month: input.month,
      ...days,
      affiliate: {
        id: String(affiliate.id),
        code: String(affiliate.code),
        member: memberOf(affiliate, ""),
      },
      account,
      entries,
    })
  }
)
