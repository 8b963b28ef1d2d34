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

/** The five steps an escort follows where the CMS has no SOP for the department (issue #20 item 4). */
export const DEFAULT_SOP_STEP_NAMES = ["挂号", "候诊", "就诊", "检查", "缴费取药"] as const

/**
 * A department SOP step's name on the timeline: "检查 · 心电图" (its kind and the editors'
 * title), the kind alone when they agree. The apps name the buttons the same way.
 */
export const sopStepName = (step: { step: string; title: string }) =>
  !step.title || step.title === step.step ? step.step : `${step.step} · ${step.title}`

/** The steps the escort may record for a booking: the department's SOP, or the default five. */
export const sopStepNames = (sop: readonly { step: string; title: string }[]): string[] =>
  sop.length ? [...new Set(sop.map(sopStepName))] : [...DEFAULT_SOP_STEP_NAMES]
