import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import type {
  Consultation,
  ConsultationDetail,
  ConsultationMessage,
  DoctorProfile,
  DoctorQueueTab,
  DoctorSchedule,
  DoctorSharedItem,
  FollowUp,
  PatientDetail,
  PatientSummary,
  ScheduleException,
  ScheduleRule,
} from "./types"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * The doctor's 在线诊室: sign-in by phone + SMS code as a `doctor` actor, the queue, the
 * conversation, the advice note and going off duty. The web passes "" as the token because
 * its relay adds it from the httpOnly cookie.
 */
export function createDoctorAppClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const send = <T>(method: string, path: string, token: string, body: unknown = {}) =>
    request<T>(path, { method, body: JSON.stringify(body), token, ...noStore })
  const get = <T>(path: string, token: string) => request<T>(path, { token, ...noStore })

  return {
    async requestDoctorSignInCode(phone: string): Promise<{ expires_in?: number }> {
      return send("POST", "/store/auth/sms-codes", "", { phone, purpose: "login" })
    },

    /** Phone + code → the doctor's token; 401 unless staff verified the doctor's licence. */
    async signInDoctor(phone: string, code: string): Promise<string> {
      return (await send<{ token: string }>("POST", "/auth/doctor/phone", "", { phone, code }))
        .token
    },

    async me(token: string): Promise<DoctorProfile> {
      return (await get<{ doctor: DoctorProfile }>("/doctor/me", token)).doctor
    },

    async queue(token: string, tab: DoctorQueueTab): Promise<Consultation[]> {
      return (
        await get<{ consultations: Consultation[] }>(`/doctor/consultations?tab=${tab}`, token)
      ).consultations
    },

    async consultation(
      token: string,
      consultationId: string
    ): Promise<ConsultationDetail<DoctorSharedItem>> {
      return (
        await get<{ consultation: ConsultationDetail<DoctorSharedItem> }>(
          `/doctor/consultations/${id(consultationId)}`,
          token
        )
      ).consultation
    },

    async accept(token: string, consultationId: string): Promise<Consultation> {
      return (
        await send<{ consultation: Consultation }>(
          "POST",
          `/doctor/consultations/${id(consultationId)}/accept`,
          token
        )
      ).consultation
    },

    /** Declines a consultation not yet taken: the member is refunded in full. */
    async decline(token: string, consultationId: string, reason?: string): Promise<Consultation> {
      return (
        await send<{ consultation: Consultation }>(
          "POST",
          `/doctor/consultations/${id(consultationId)}/decline`,
          token,
          reason ? { reason } : {}
        )
      ).consultation
    },

    async reply(token: string, consultationId: string, text: string): Promise<ConsultationMessage> {
      return (
        await send<{ message: ConsultationMessage }>(
          "POST",
          `/doctor/consultations/${id(consultationId)}/messages`,
          token,
          { text }
        )
      ).message
    },

    /** 健康建议 / 复诊建议: closes the consultation; it lands in the member's archive and inbox. */
    async writeAdvice(
      token: string,
      consultationId: string,
      note: { health_advice: string; follow_up_advice?: string }
    ): Promise<Consultation> {
      return (
        await send<{ consultation: Consultation }>(
          "POST",
          `/doctor/consultations/${id(consultationId)}/advice`,
          token,
          note
        )
      ).consultation
    },

    /** Duty, weekly windows, exceptions and the coming 14 days' slots. */
    async schedule(token: string): Promise<DoctorSchedule> {
      return (await get<{ schedule: DoctorSchedule }>("/doctor/schedule", token)).schedule
    },

    /** Replaces the whole week (overlapping windows on one weekday are refused in Chinese). */
    async saveWeek(token: string, rules: Omit<ScheduleRule, "id">[]): Promise<ScheduleRule[]> {
      return (
        await send<{ rules: ScheduleRule[] }>("POST", "/doctor/schedule/rules", token, { rules })
      ).rules
    },

    async addException(
      token: string,
      input: Omit<
        ScheduleException,
        "id" | "start" | "end" | "slot_minutes" | "modes" | "capacity" | "note"
      > &
        Partial<Omit<ScheduleException, "id" | "date" | "kind">>
    ): Promise<ScheduleException> {
      return (
        await send<{ exception: ScheduleException }>(
          "POST",
          "/doctor/schedule/exceptions",
          token,
          input
        )
      ).exception
    },

    async removeException(token: string, exceptionId: string): Promise<void> {
      await send("DELETE", `/doctor/schedule/exceptions/${id(exceptionId)}`, token)
    },

    /** 拨打 (phone consultations): the middle number to dial; neither side sees the other's number. */
    async call(
      token: string,
      consultationId: string
    ): Promise<{ middle_number: string; expires_at: string }> {
      return (
        await send<{ call: { middle_number: string; expires_at: string } }>(
          "POST",
          `/doctor/consultations/${id(consultationId)}/call`,
          token
        )
      ).call
    },

    async patients(token: string): Promise<PatientSummary[]> {
      return (await get<{ patients: PatientSummary[] }>("/doctor/patients", token)).patients
    },

    /** History, shared items, private notes and follow-ups; a member never consulted is 404. */
    async patient(token: string, customerId: string): Promise<PatientDetail> {
      return (await get<{ patient: PatientDetail }>(`/doctor/patients/${id(customerId)}`, token))
        .patient
    },

    async addPatientNote(token: string, customerId: string, text: string) {
      return (
        await send<{ note: { id: string; text: string; created_at: string } }>(
          "POST",
          `/doctor/patients/${id(customerId)}/notes`,
          token,
          { text }
        )
      ).note
    },

    async scheduleFollowUp(
      token: string,
      customerId: string,
      input: { date: string; note: string; consultation_id?: string }
    ): Promise<FollowUp> {
      return (
        await send<{ follow_up: FollowUp }>(
          "POST",
          `/doctor/patients/${id(customerId)}/follow-ups`,
          token,
          input
        )
      ).follow_up
    },

    async setDuty(token: string, onDuty: boolean): Promise<DoctorProfile> {
      return (
        await send<{ doctor: DoctorProfile }>("POST", "/doctor/schedule", token, {
          on_duty: onDuty,
        })
      ).doctor
    },
  }
}

export type DoctorAppClient = ReturnType<typeof createDoctorAppClient>
