import { BigNumber } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** Medusa amounts are major units (yuan); the ledger counts integer fen. */
export function toFen(amount: BigNumberInput | null | undefined): number {
  if (amount === null || amount === undefined) return 0
  return Math.round(new BigNumber(amount).numeric * 100)
}

export function fenToYuan(fen: number): number {
  return fen / 100
}
