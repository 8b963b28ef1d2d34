import { shareOfPriceFen } from "../../../lib/income/share-of-price"
import type { ConsultationMode, DoctorIncomeSettings } from "./doctor-income-defaults"

export type DoctorWork =
  | { source_type: "consultation"; mode: ConsultationMode; price_fen: number }
  | { source_type: "assessment" }
  | { source_type: "group_session" }

export type DoctorEarningAmount = {
  kind: ConsultationMode | "assessment" | "group_session"
  price_fen: number
  share_percent: number | null
  amount_fen: number
}

/**
 * What one piece of work earns under the settings: a consultation the mode's share of its
 * price (rounded down to the fen, like escorts'), an assessment report or a group session
 * its fixed fee.
 */
export function doctorEarningAmount(
  work: DoctorWork,
  settings: DoctorIncomeSettings
): DoctorEarningAmount {
  if (work.source_type === "consultation") {
    const share = settings.share_percent[work.mode]
    return {
      kind: work.mode,
      price_fen: work.price_fen,
      share_percent: share,
      amount_fen: shareOfPriceFen(work.price_fen, share),
    }
  }
  const fee =
    work.source_type === "assessment" ? settings.assessment_fee_fen : settings.group_session_fee_fen
  if (!Number.isSafeInteger(fee) || fee < 0) throw new Error(`fee must be whole fen, got ${fee}`)
  return { kind: work.source_type, price_fen: 0, share_percent: null, amount_fen: fee }
}

/** The release moment: `hold_hours` after the work was done. */
export const releaseAt = (earnedAt: Date, settings: DoctorIncomeSettings) =>
  new Date(earnedAt.getTime() + settings.hold_hours * 3_600_000)
