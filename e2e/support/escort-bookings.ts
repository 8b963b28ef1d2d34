import type { BrowserContext } from "playwright-core"
import { webUrl } from "./browser"
import { call, commerce, eventually, post } from "./commerce-api"

/**
 * 陪诊 bookings made and served through commerce's HTTP API, for journeys whose subject is
 * what comes after the service (the booking and serving journey does these in the browser).
 */

/** A mainland ID number with its check digit (GB 11643). */
export function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return first17 + "10X98765432"[sum % 11]
}

/** A Beijing date `days` from today, "YYYY-MM-DD". */
export const beijingDay = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** The published version of each consent page a booking accepts (from the CMS). */
export async function consentVersions() {
  const cms = process.env.E2E_CMS_URL || "http://localhost:1337"
  const pages: Record<string, string> = {
    privacy_policy: "privacy-policy",
    personal_info: "consent-personal-info",
    sensitive_personal_info: "consent-sensitive-personal-info",
    escort_sharing: "consent-escort-sharing",
  }
  return Promise.all(
    Object.entries(pages).map(async ([kind, slug]) => {
      const response = await fetch(`${cms}/api/pages?filters[slug][$eq]=${slug}`)
      const { data } = (await response.json()) as { data: { version?: string }[] }
      return { kind, version: data[0]?.version ?? "" }
    })
  )
}

export type EscortBookingRequest = {
  city: string
  hospital: string
  department: string
  date: string
  person: { name: string; id_number: string }
}

type BookingRead = { id: string; status: string; price_fen: number }

export const readBooking = async (memberToken: string, id: string) =>
  (await call<{ booking: BookingRead }>(`/store/escort-bookings/${id}`, { token: memberToken }))
    .booking

/**
 * The member books a 半日陪诊 and pays it by WeChat Pay (Native: the sandbox's QR page is
 * "scanned" and paid); answers the booking once commerce has it 待接单.
 */
export async function bookAndPayByWechat(
  memberToken: string,
  request: EscortBookingRequest
): Promise<BookingRead> {
  const as = { token: memberToken }
  const { services } = await call<{ services: { title: string; variant_id: string }[] }>(
    "/store/escort-services",
    as
  )
  const halfDay = services.find((service) => service.title === "半日陪诊")!
  // Picked from the city's hospital list, as the booking form does (the list is the CMS's).
  type Hospital = { id: string; name: string; departments: { id: string; name: string }[] }
  const hospitals = await eventually(
    async () =>
      (
        await call<{ hospitals: Hospital[] }>(
          `/store/escort-hospitals?city=${encodeURIComponent(request.city)}`,
          as
        )
      ).hospitals,
    (listed) => listed.some((hospital) => hospital.name === request.hospital)
  )
  const hospital = hospitals.find((one) => one.name === request.hospital)!
  const department = hospital.departments.find((one) => one.name === request.department)
  if (!department) throw new Error(`${request.hospital} has no ${request.department}`)
  const { booking } = await post<{ booking: { id: string } }>(
    "/store/escort-bookings",
    {
      variant_id: halfDay.variant_id,
      extras: [],
      hospital_id: hospital.id,
      hospital_name: hospital.name,
      department_id: department.id,
      department: department.name,
      city: request.city,
      date: request.date,
      time_window: { start: "08:00", end: "12:00" },
      person: request.person,
      meeting_point: "门诊楼一楼大厅",
      needs: [],
      consents: await consentVersions(),
    },
    as
  )
  const { action } = await post<{ action: { kind: string; code_url?: string } }>(
    `/store/escort-bookings/${booking.id}/pay`,
    { payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" } },
    as
  )
  if (action.kind !== "qr_code" || !action.code_url) {
    throw new Error(`WeChat Pay gave no QR code: ${JSON.stringify(action)}`)
  }
  // The buyer pays on the sandbox's page behind the QR code (its form posts back to it).
  const paid = await fetch(action.code_url, { method: "POST" })
  if (!paid.ok) throw new Error(`the WeChat Pay sandbox refused the payment: ${paid.status}`)
  return eventually(
    () => readBooking(memberToken, booking.id),
    (read) => read.status === "awaiting_escort"
  )
}

/** The escort's bearer token, from the web escort app's httpOnly cookie after signing in. */
export async function escortTokenOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies(webUrl("/"))).find((c) => c.name === "escort_token")
  if (!cookie) throw new Error("the escort app set no escort_token cookie: not signed in?")
  return cookie.value
}

const escortPost = async (path: string, token: string, body: unknown = {}) => {
  const response = await fetch(`${commerce()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path} → ${response.status}: ${await response.text()}`)
}

/** The escort grabs the task and reports each step up to 服务完成, as the escort app does. */
export async function serveAsEscort(escortToken: string, bookingId: string) {
  await escortPost(`/escort/tasks/${bookingId}/accept`, escortToken)
  for (const status of ["departed", "arrived", "accompanying", "completed"]) {
    await escortPost(`/escort/tasks/${bookingId}/progress`, escortToken, { status })
  }
}
