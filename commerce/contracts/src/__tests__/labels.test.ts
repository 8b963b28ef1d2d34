import {
  APPOINTMENT_STATUSES,
  APPOINTMENT_STATUS_LABELS,
  CLINIC_SIGNUP_STATUSES,
  CLINIC_SIGNUP_STATUS_LABELS,
} from "../appointment-status"
import { KIT_STATUSES, KIT_STATUS_LABELS } from "../kit-status"

describe("status labels", () => {
  it.each([
    ["kit", KIT_STATUSES, KIT_STATUS_LABELS],
    ["appointment", APPOINTMENT_STATUSES, APPOINTMENT_STATUS_LABELS],
    ["clinic sign-up", CLINIC_SIGNUP_STATUSES, CLINIC_SIGNUP_STATUS_LABELS],
  ] as const)("gives every %s status its own zh-CN label", (_kind, statuses, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...statuses].sort())
    const words = Object.values(labels) as string[]
    expect(new Set(words).size).toBe(words.length)
    for (const word of words) expect(word).toMatch(/[\u4e00-\u9fff]/)
  })
})
