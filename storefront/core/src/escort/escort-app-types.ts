import type { EscortBookingStatus } from "@health/contracts"
import type { EscortTimelineEvent } from "./types"

/**
 * A step of a department's standard operating procedure (from the CMS via commerce): `step`
 * its kind in Chinese (挂号, 候诊, 就诊, 检查, 缴费取药, 其他), `step_key` the CMS key.
 */
export type EscortSopStep = {
  step: string
  step_key?: string
  title: string
  tips: string | null
}

/**
 * A task as the escort reads it (`/escort/tasks`): an open or offered task shows the patient's
 * surname only; their own task the name and the masked ID number, never the full one, and only
 * while it is active (until 服务完成 + 24 h and while the member's sharing consent stands):
 * afterwards `person` and `meeting_point` are null and `patient_details_hidden` says why.
 */
export type EscortTask = {
  id: string
  status: EscortBookingStatus
  status_label: string
  service: { id: string; name: string }
  hospital: { id: string | null; name: string }
  department: string
  city: string
  date: string
  time_window: { start: string; end: string }
  person: { name: string; id_number?: string } | null
  meeting_point: string | null
  needs: string[]
  extras?: string[]
  patient_details_hidden?: boolean
  patient_details_hidden_reason?: string
  price_fen: number
  created_at: string
  /** Auto-dispatch offered the task to this escort until `expires_at`. */
  offer?: { expires_at: string; round: number }
}

/**
 * `GET /escort/tasks/:id`: the task with where to go and the department's SOP (null or absent
 * while the hospital has none in the CMS), and its timeline when commerce sends it.
 */
export type EscortTaskDetail = Omit<EscortTask, "hospital"> & {
  hospital: {
    id: string | null
    name: string
    address?: string | null
    latitude?: number | null
    longitude?: number | null
    guide?: string | null
  }
  sop?: EscortSopStep[] | null
  events?: EscortTimelineEvent[]
}

export type EscortTaskTab = "open" | "mine" | "done" | "offered"

export type EscortLocation = { lat: number; lng: number }

/** `POST /escort/tasks/:id/progress`. */
export type EscortProgress = {
  status: "departed" | "arrived" | "accompanying" | "completed"
  note?: string
  location?: EscortLocation | null
  /** An uploaded photo (`uploadEscortTaskPhoto`). */
  photo_upload_id?: string
}

/** `POST /escort/tasks/:id/sop-steps`: an SOP step done during 陪同就医. */
export type EscortSopStepDone = {
  /** The step's name as `escortSopStepButtons` gives it (挂号, 检查 · 心电图 …). */
  step: string
  note?: string
  location?: EscortLocation | null
  photo_upload_ids?: string[]
}

/** `POST /escort/tasks/:id/reports`: 报备 to operations during a service. */
export type EscortPlatformReport = {
  type: string
  text: string
  location?: EscortLocation | null
  photo_upload_ids?: string[]
}

/** The escort's working time: weekdays 1 (Monday) … 7 (Sunday), Beijing hours, days off. */
export type EscortSchedule = {
  weekdays: number[]
  start_time: string
  end_time: string
  days_off: string[]
}
