import type { PaymentAction, PaymentChannel } from "@health/contracts"
import { personalRequesters, type CommerceClientOptions } from "../commerce/request"
import type {
  ArchivedAdviceNote,
  Consultation,
  ConsultationDetail,
  ConsultationMessage,
  ConsultationSlot,
  Doctor,
  FollowUp,
} from "./types"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

export type ConsultationPayment = {
  payment_method: { provider_id: string; channel: PaymentChannel; openid?: string | null }
  store_credit_fen?: number
}

/**
 * 问诊 for members: the verified doctors, asking one (图文), paying as escort bookings pay,
 * the conversation and sharing archive items with the doctor. Another member's consultation
 * answers 404; refusals carry commerce's Chinese message (ApiError).
 */
export function createConsultationClient(options: CommerceClientOptions) {
  const { request, open, get, post } = personalRequesters(options)

  return {
    async doctors(): Promise<Doctor[]> {
      return (await get<{ doctors: Doctor[] }>("/store/consultation-doctors")).doctors
    },

    async doctor(doctorId: string): Promise<Doctor> {
      return (await get<{ doctor: Doctor }>(`/store/consultation-doctors/${id(doctorId)}`)).doctor
    },

    /**
     * The doctor's free phone/video slots; `from`/`to` are Beijing dates (`YYYY-MM-DD`) or ISO
     * instants, at most 31 days apart (default: the next 14 days).
     */
    async slots(
      doctorId: string,
      range: { from?: string; to?: string } = {}
    ): Promise<ConsultationSlot[]> {
      const query = new URLSearchParams()
      if (range.from) query.set("from", range.from)
      if (range.to) query.set("to", range.to)
      const suffix = query.toString() ? `?${query}` : ""
      return (
        await get<{ slots: ConsultationSlot[] }>(`/store/doctors/${id(doctorId)}/slots${suffix}`)
      ).slots
    },

    /** 图文 without a slot; 电话/视频 with `slot` (a start from `slots`), 409 when just taken. */
    async ask(
      token: string,
      input:
        | { doctor_id: string; mode: "text"; question: string }
        | { doctor_id: string; mode: "phone" | "video"; slot: string; question: string }
    ): Promise<Consultation> {
      return (await post<{ consultation: Consultation }>("/store/consultations", token, input))
        .consultation
    },

    /** The doctors' advice notes in the member's health archive, newest first. */
    async adviceNotes(token: string): Promise<ArchivedAdviceNote[]> {
      return (
        (
          await get<{ advice_notes: ArchivedAdviceNote[] }>(
            "/store/health-archive/assessments",
            token
          )
        ).advice_notes ?? []
      )
    },

    /** 我的问诊 in one read: the consultations and the follow-ups doctors scheduled (soonest first). */
    async overview(
      token: string
    ): Promise<{ consultations: Consultation[]; follow_ups: FollowUp[] }> {
      const answer = await get<{ consultations: Consultation[]; follow_ups?: FollowUp[] }>(
        "/store/consultations",
        token
      )
      return { consultations: answer.consultations, follow_ups: answer.follow_ups ?? [] }
    },

    async list(token: string): Promise<Consultation[]> {
      return (await get<{ consultations: Consultation[] }>("/store/consultations", token))
        .consultations
    },

    async get(token: string, consultationId: string): Promise<ConsultationDetail> {
      return (
        await get<{ consultation: ConsultationDetail }>(
          `/store/consultations/${id(consultationId)}`,
          token
        )
      ).consultation
    },

    async pay(
      token: string,
      consultationId: string,
      payment: ConsultationPayment
    ): Promise<{ action: PaymentAction; cart_id: string; amount_fen: number }> {
      return post(`/store/consultations/${id(consultationId)}/pay`, token, payment)
    },

    async send(
      token: string,
      consultationId: string,
      message: { text?: string; attachment_id?: string }
    ): Promise<ConsultationMessage> {
      return (
        await post<{ message: ConsultationMessage }>(
          `/store/consultations/${id(consultationId)}/messages`,
          token,
          message
        )
      ).message
    },

    /** A picture or PDF (checked by its bytes); send it with a message next. */
    async attach(
      token: string,
      consultationId: string,
      file: Blob,
      filename: string
    ): Promise<{ id: string; mime_type: string }> {
      const form = new FormData()
      form.append("file", file, filename)
      return (
        await request<{ attachment: { id: string; mime_type: string } }>(
          `/store/consultations/${id(consultationId)}/attachments`,
          { method: "POST", body: form, token, ...noStore }
        )
      ).attachment
    },

    /** Lets the doctor read one archive item for this consultation (each read is logged). */
    async share(
      token: string,
      consultationId: string,
      item: { item_type: "report" | "upload"; item_id: string }
    ): Promise<{ id: string }> {
      return (
        await post<{ shared_item: { id: string } }>(
          `/store/consultations/${id(consultationId)}/shared-items`,
          token,
          item
        )
      ).shared_item
    },

    /** The live stream (SSE) of the consultation, body unread, for a server to relay. */
    stream(
      token: string,
      consultationId: string,
      { lastEventId, signal }: { lastEventId?: string | null; signal?: AbortSignal } = {}
    ): Promise<Response> {
      return open(`/store/consultations/${id(consultationId)}/events/stream`, {
        token,
        signal,
        headers: {
          accept: "text/event-stream",
          ...(lastEventId && { "last-event-id": lastEventId }),
        },
        ...noStore,
      })
    },

    /** An attachment's bytes (a picture or PDF of the conversation), for a server to relay. */
    attachment(token: string, consultationId: string, attachmentId: string): Promise<Response> {
      return open(`/store/consultations/${id(consultationId)}/attachments/${id(attachmentId)}`, {
        token,
        ...noStore,
      })
    },

    async withdrawShare(token: string, consultationId: string, shareId: string): Promise<void> {
      await post(
        `/store/consultations/${id(consultationId)}/shared-items/${id(shareId)}/withdraw`,
        token
      )
    },
  }
}

export type ConsultationClient = ReturnType<typeof createConsultationClient>
