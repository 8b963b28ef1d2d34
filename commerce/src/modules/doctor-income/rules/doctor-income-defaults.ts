export type ConsultationMode = "text" | "phone" | "video"

export type DoctorIncomeSettings = {
  /** Whole percent of the consultation's price the doctor earns, per mode. */
  share_percent: Record<ConsultationMode, number>
  /** Fixed fee in fen for a delivered 检测评估报告 (assessments are not sold per piece). */
  assessment_fee_fen: number
  /** Fixed fee in fen for a group session held (members join free). */
  group_session_fee_fen: number
  /** Hours after the work is done before the earning becomes available. */
  hold_hours: number
}

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return process.env[name] && Number.isFinite(value) ? value : fallback
}

/**
 * Defaults until operations save their own: 70% of the price of a text, phone or video
 * consultation (DOCTOR_SHARE_TEXT|PHONE|VIDEO), ¥200 per assessment report
 * (DOCTOR_ASSESSMENT_FEE_FEN), ¥300 per group session (DOCTOR_GROUP_SESSION_FEE_FEN), held
 * 72 h (DOCTOR_INCOME_HOLD_HOURS): long enough for a member's complaint to reach a refund.
 */
export function doctorIncomeDefaults(): DoctorIncomeSettings {
  return {
    share_percent: {
      text: envNumber("DOCTOR_SHARE_TEXT", 70),
      phone: envNumber("DOCTOR_SHARE_PHONE", 70),
      video: envNumber("DOCTOR_SHARE_VIDEO", 70),
    },
    assessment_fee_fen: envNumber("DOCTOR_ASSESSMENT_FEE_FEN", 20000),
    group_session_fee_fen: envNumber("DOCTOR_GROUP_SESSION_FEE_FEN", 30000),
    hold_hours: envNumber("DOCTOR_INCOME_HOLD_HOURS", 72),
  }
}
