import { createDoctorGroupSessionClient, type FetchLike } from "@health/core"
import { DOCTOR_RELAY_BASE } from "./doctor-app-browser"

const sameOriginFetch: FetchLike = (input, init = {}) => {
  const { cacheHint: _hint, ...rest } = init
  return fetch(input, { ...rest, credentials: "same-origin", cache: "no-store" })
}

export type DoctorGroupSessionApi = ReturnType<typeof createDoctorGroupSessionClient>

/** The expert's 在线咨询 client in the browser, through the 在线诊室's relay (cookie token). */
export function doctorGroupSessionsInBrowser(
  fetchImpl: FetchLike = sameOriginFetch
): DoctorGroupSessionApi {
  return createDoctorGroupSessionClient({
    baseUrl: DOCTOR_RELAY_BASE,
    publishableKey: "",
    fetch: fetchImpl,
  })
}
