import type { Appointment, ClinicSignup } from "@health/contracts"
import type { ClinicSessionState, NewAppointment, SiteAvailability } from "../appointments/types"
import { commerceRequester, type CommerceClientOptions } from "./request"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * 我的预约: a signed-in member's collection-site appointments and clinic-session sign-ups.
 * Every call takes the member's token; another member's appointment answers 404. A full slot
 * answers 409, an unreachable CMS 503, each with a Chinese message.
 */
export function createAppointmentsClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const get = <T>(path: string, token: string) => request<T>(path, { token, ...noStore })
  const post = <T>(path: string, token: string, body: unknown = {}) =>
    request<T>(path, { method: "POST", body: JSON.stringify(body), token, ...noStore })

  return {
    async list(token: string): Promise<Appointment[]> {
      return (await get<{ appointments: Appointment[] }>("/store/appointments", token)).appointments
    },

    async appointment(token: string, appointmentId: string): Promise<Appointment> {
      return (
        await get<{ appointment: Appointment }>(`/store/appointments/${id(appointmentId)}`, token)
      ).appointment
    },

    /** Places left per day and slot at one site, `days` days from `from` (today by default). */
    availability(token: string, siteId: string, params: { from?: string; days?: number } = {}) {
      const query = new URLSearchParams({ site_id: siteId })
      if (params.from) query.set("from", params.from)
      if (params.days) query.set("days", String(params.days))
      return get<SiteAvailability>(`/store/appointments/availability?${query}`, token)
    },

    async book(token: string, booking: NewAppointment): Promise<Appointment> {
      return (await post<{ appointment: Appointment }>("/store/appointments", token, booking))
        .appointment
    },

    async cancel(token: string, appointmentId: string, reason?: string): Promise<Appointment> {
      return (
        await post<{ appointment: Appointment }>(
          `/store/appointments/${id(appointmentId)}/cancel`,
          token,
          reason ? { reason } : {}
        )
      ).appointment
    },

    async reschedule(
      token: string,
      appointmentId: string,
      to: { date: string; slot: string }
    ): Promise<Appointment> {
      return (
        await post<{ appointment: Appointment }>(
          `/store/appointments/${id(appointmentId)}/reschedule`,
          token,
          to
        )
      ).appointment
    },

    clinicSession: (token: string, sessionId: string) =>
      get<ClinicSessionState>(`/store/clinic-sessions/${id(sessionId)}/signups`, token),

    /** A place if one is left, otherwise the waitlist. */
    signUp: (token: string, sessionId: string) =>
      post<ClinicSessionState>(`/store/clinic-sessions/${id(sessionId)}/signups`, token),

    cancelSignUp: (token: string, sessionId: string) =>
      post<{ signup: ClinicSignup; confirmed_count: number; waitlist_count: number }>(
        `/store/clinic-sessions/${id(sessionId)}/signups/cancel`,
        token
      ),

    async mySignups(token: string): Promise<ClinicSignup[]> {
      return (await get<{ signups: ClinicSignup[] }>("/store/clinic-signups", token)).signups
    },
  }
}

export type AppointmentsClient = ReturnType<typeof createAppointmentsClient>
