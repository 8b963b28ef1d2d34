import { createDoctorAppClient, type FetchLike } from "@health/core"

/** Where the 在线诊室's browser calls go: this server's relay, which adds the doctor's token. */
export const DOCTOR_RELAY_BASE = "/doctor/relay"

const sameOriginFetch: FetchLike = (input, init = {}) => {
  const { cacheHint: _hint, ...rest } = init
  return fetch(input, { ...rest, credentials: "same-origin", cache: "no-store" })
}

export type DoctorAppApi = ReturnType<typeof createDoctorAppClient>

/** The doctor's client in the browser (token "" on every call: the cookie carries it). */
export function doctorAppInBrowser(fetchImpl: FetchLike = sameOriginFetch): DoctorAppApi {
  return createDoctorAppClient({ baseUrl: DOCTOR_RELAY_BASE, publishableKey: "", fetch: fetchImpl })
}
