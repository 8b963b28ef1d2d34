import { personalRequesters, type CommerceClientOptions } from "../commerce/request"
import { listEscortHospitals, type EscortHospital } from "./escort-hospitals-client"
import type {
  EscortBooking,
  EscortBookingDetail,
  EscortCancelResult,
  EscortPayment,
  EscortPayResult,
  EscortService,
  NewEscortBooking,
} from "./types"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * 陪诊 for a signed-in member: the services on offer, their own bookings with the timeline,
 * paying, cancelling and confirming. Another member's booking answers 404; refusals carry
 * commerce's Chinese message (ApiError).
 */
export function createEscortClient(options: CommerceClientOptions) {
  const { open, get, post } = personalRequesters(options)

  return {
    async services(): Promise<EscortService[]> {
      return (await get<{ services: EscortService[] }>("/store/escort-services")).services
    },

    /** The hospitals (with departments and SOPs) of a city, or of every city. */
    hospitals(city?: string | null): Promise<EscortHospital[]> {
      return listEscortHospitals(options, city)
    },

    async create(token: string, booking: NewEscortBooking): Promise<EscortBooking> {
      return (await post<{ booking: EscortBooking }>("/store/escort-bookings", token, booking))
        .booking
    },

    async list(token: string): Promise<EscortBooking[]> {
      return (await get<{ bookings: EscortBooking[] }>("/store/escort-bookings", token)).bookings
    },

    async get(token: string, bookingId: string): Promise<EscortBookingDetail> {
      return (
        await get<{ booking: EscortBookingDetail }>(
          `/store/escort-bookings/${id(bookingId)}`,
          token
        )
      ).booking
    },

    /** Opens the payment; the answer's action is what the page does next (QR, jsapi, …). */
    pay(token: string, bookingId: string, payment: EscortPayment): Promise<EscortPayResult> {
      const { store_credit_fen, ...method } = payment
      return post<EscortPayResult>(`/store/escort-bookings/${id(bookingId)}/pay`, token, {
        payment_method: method,
        ...(store_credit_fen ? { store_credit_fen } : {}),
      })
    },

    cancel(token: string, bookingId: string): Promise<EscortCancelResult> {
      return post<EscortCancelResult>(`/store/escort-bookings/${id(bookingId)}/cancel`, token)
    },

    async confirm(token: string, bookingId: string): Promise<EscortBooking> {
      return (
        await post<{ booking: EscortBooking }>(
          `/store/escort-bookings/${id(bookingId)}/confirm`,
          token
        )
      ).booking
    },

    /**
     * The timeline as Server-Sent Events, body unread (a server relays it to the browser,
     * whose EventSource cannot send the member's token). `lastEventId` resumes after it.
     */
    stream(
      token: string,
      bookingId: string,
      { lastEventId, signal }: { lastEventId?: string | null; signal?: AbortSignal } = {}
    ): Promise<Response> {
      return open(`/store/escort-bookings/${id(bookingId)}/events/stream`, {
        token,
        signal,
        headers: {
          accept: "text/event-stream",
          ...(lastEventId && { "last-event-id": lastEventId }),
        },
        ...noStore,
      })
    },
  }
}

export type EscortClient = ReturnType<typeof createEscortClient>
