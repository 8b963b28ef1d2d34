/** What an escort can 报备 to operations during a service; the code is what commerce stores. */
export const ESCORT_REPORT_TYPES = [
  { code: "patient_unwell", label: "就诊人身体不适" },
  { code: "delay", label: "行程延误" },
  { code: "hospital_change", label: "医院或科室临时变更" },
  { code: "safety", label: "安全问题" },
  { code: "fee_dispute", label: "费用或服务争议" },
  { code: "other", label: "其他情况" },
] as const

export function escortReportTypeLabel(code: string | null | undefined): string {
  return ESCORT_REPORT_TYPES.find((type) => type.code === code)?.label ?? code ?? "报备"
}
