/** The SOP step kinds an editor picks in the CMS, and how the apps name them. */
export const SOP_STEP_LABELS = {
  register: "挂号",
  wait: "候诊",
  consult: "就诊",
  examine: "检查",
  pay_and_collect: "缴费取药",
  custom: "其他",
} as const

export type SopStepKey = keyof typeof SOP_STEP_LABELS

/** A step's Chinese name; an unknown key (a CMS newer than this code) reads as 其他. */
export const sopStepLabel = (key: string) =>
  SOP_STEP_LABELS[key as SopStepKey] ?? SOP_STEP_LABELS.custom
