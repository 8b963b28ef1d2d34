import type { EscortBookingStatus } from "@health/contracts"
import type { EscortProgress, EscortSopStep, EscortTaskDetail } from "./escort-app-types"

type ProgressStatus = EscortProgress["status"]

/** The escort's buttons, in the order a service goes; each one only from the step before. */
export const ESCORT_PROGRESS_BUTTONS: {
  status: ProgressStatus
  from: EscortBookingStatus
  label: string
}[] = [
  { status: "departed", from: "accepted", label: "我已出发" },
  { status: "arrived", from: "departed", label: "已到达医院" },
  { status: "accompanying", from: "arrived", label: "开始陪同就医" },
  { status: "completed", from: "accompanying", label: "服务完成" },
]

export type EscortStepButton = (typeof ESCORT_PROGRESS_BUTTONS)[number] & {
  state: "done" | "next" | "later"
}

const ORDER: EscortBookingStatus[] = [
  "accepted",
  "departed",
  "arrived",
  "accompanying",
  "completed",
]

/**
 * The four step buttons with which one is next (the only one to press); none is next
 * before the task is accepted or after it is finished. Commerce still refuses a wrong step.
 */
export function escortStepButtons(status: EscortBookingStatus): EscortStepButton[] {
  // Before 已接单 (or once cancelled) nothing is pressable; after 服务完成 everything is done.
  const at = status === "confirmed" || status === "reviewed" ? ORDER.length : ORDER.indexOf(status)
  return ESCORT_PROGRESS_BUTTONS.map((button) => {
    const index = ORDER.indexOf(button.status)
    const state = at < 0 ? "later" : index <= at ? "done" : index === at + 1 ? "next" : "later"
    return { ...button, state }
  })
}

/** The step the escort presses next, or null when there is none. */
export function nextEscortStep(status: EscortBookingStatus): EscortStepButton | null {
  return escortStepButtons(status).find((button) => button.state === "next") ?? null
}

/** What an escort does at a department when the CMS has no SOP for it (issue #20 item 4). */
export const GENERIC_ESCORT_SOP: EscortSopStep[] = [
  {
    step: "挂号",
    step_key: "register",
    title: "挂号",
    tips: "核对就诊人身份证与医保卡，按预约时段取号。",
  },
  {
    step: "候诊",
    step_key: "wait",
    title: "候诊",
    tips: "留意叫号屏，陪同就诊人就近候诊，照看随身物品。",
  },
  {
    step: "就诊",
    step_key: "consult",
    title: "就诊",
    tips: "协助描述病情与既往病史，记下医生的嘱咐。",
  },
  {
    step: "检查",
    step_key: "examine",
    title: "检查",
    tips: "带就诊人按指引去检查科室，提醒空腹等注意事项。",
  },
  {
    step: "缴费取药",
    step_key: "pay_and_collect",
    title: "缴费取药",
    tips: "协助缴费、取药，核对药品与用法用量。",
  },
]

/** The department's SOP steps from the CMS, or the generic ones. */
export function escortSopSteps(task: Pick<EscortTaskDetail, "sop">): EscortSopStep[] {
  return task.sop?.length ? task.sop : GENERIC_ESCORT_SOP
}

/** Whether the steps come from the department's own SOP (the page says which). */
export function hasDepartmentSop(task: Pick<EscortTaskDetail, "sop">): boolean {
  return !!task.sop?.length
}

export type EscortStepPrompt = { title: string; tips: string | null }

export type EscortSopStepButton = {
  /** What the escort sends and the timeline shows (commerce names the steps the same way). */
  name: string
  tips: string | null
  /** When the step was recorded; null while it is still to do. */
  done_at: string | null
  /** Only during 陪同就医, and only once per step. */
  pressable: boolean
}

/**
 * The SOP steps the escort records during 陪同就医, each with when it was done: the
 * department's own steps, or the generic five. Commerce still refuses a repeat or a wrong time.
 */
export function escortSopStepButtons(
  task: Pick<EscortTaskDetail, "sop" | "status" | "events">
): EscortSopStepButton[] {
  const done = new Map(
    (task.events ?? [])
      .filter((event) => event.status === "sop_step" && event.sop_step)
      .map((event) => [event.sop_step as string, event.at])
  )
  const seen = new Set<string>()
  return escortSopSteps(task).flatMap((step) => {
    const name = escortSopStepTitle(step)
    if (seen.has(name)) return []
    seen.add(name)
    const doneAt = done.get(name) ?? null
    return [
      {
        name,
        tips: step.tips,
        done_at: doneAt,
        pressable: task.status === "accompanying" && !doneAt,
      },
    ]
  })
}

/** "检查 · 心电图": the step's kind and the department's own title, once when they agree. */
export function escortSopStepTitle(step: EscortSopStep): string {
  return !step.title || step.title === step.step ? step.step : `${step.step} · ${step.title}`
}

/**
 * The prompts shown beside the next step button: before setting off, the meeting point and
 * needs; on the way, the hospital's guide; at the hospital and during the visit, the SOP.
 */
export function escortStepPrompts(task: EscortTaskDetail): EscortStepPrompt[] {
  switch (task.status) {
    case "accepted":
      return [
        { title: "见面地点", tips: task.meeting_point },
        ...(task.needs.length ? [{ title: "特殊需求", tips: task.needs.join("、") }] : []),
      ]
    case "departed":
      return [
        ...(task.hospital.address ? [{ title: "医院地址", tips: task.hospital.address }] : []),
        ...(task.hospital.guide ? [{ title: "就医指引", tips: task.hospital.guide }] : []),
        { title: "见面地点", tips: task.meeting_point },
      ]
    case "arrived":
    case "accompanying":
      return escortSopSteps(task).map((step) => ({
        title: escortSopStepTitle(step),
        tips: step.tips,
      }))
    default:
      return []
  }
}
