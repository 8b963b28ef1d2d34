import { MedusaError } from "@medusajs/framework/utils"

/**
 * What a doctor writes at the end: health advice and, when needed, follow-up advice. It is
 * advice, never a diagnosis or prescription (《互联网诊疗管理办法》: those need a licensed
 * internet hospital), and every view says so.
 */
export type AdviceNote = { health_advice: string; follow_up_advice: string | null }

export const ADVICE_LABELS = {
  health_advice: "健康建议",
  follow_up_advice: "复诊建议",
} as const

export const ADVICE_DISCLAIMER =
  "以上为医生提供的健康咨询建议，不作为诊断或处方依据。如有不适请及时线下就医。"

export const MAX_ADVICE_CHARS = 2000

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** The note trimmed and checked: health advice required, each part at most 2000 characters. */
export function adviceNote(input: {
  health_advice?: string | null
  follow_up_advice?: string | null
}): AdviceNote {
  const health = input.health_advice?.trim() ?? ""
  const followUp = input.follow_up_advice?.trim() ?? ""
  if (!health) throw invalid("请填写健康建议")
  if (health.length > MAX_ADVICE_CHARS || followUp.length > MAX_ADVICE_CHARS) {
    throw invalid(`健康建议和复诊建议各不超过 ${MAX_ADVICE_CHARS} 字`)
  }
  return { health_advice: health, follow_up_advice: followUp || null }
}
