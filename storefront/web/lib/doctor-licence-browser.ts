import { createDoctorLicenceClient, type DoctorLicenceApi, type FetchLike } from "@health/core"
import { DOCTOR_RELAY_BASE } from "./doctor-app-browser"

const sameOriginFetch: FetchLike = (input, init = {}) => {
  const { cacheHint: _hint, ...rest } = init
  return fetch(input, { ...rest, credentials: "same-origin", cache: "no-store" })
}

/** Where the browser posts a licence document: the relay, which adds the doctor's token. */
export const DOCTOR_LICENCE_UPLOAD_URL = `${DOCTOR_RELAY_BASE}/doctor/license-documents`

/** The doctor's licence client in the browser, through the 在线诊室 relay (cookie token). */
export function doctorLicenceInBrowser(fetchImpl: FetchLike = sameOriginFetch): DoctorLicenceApi {
  return createDoctorLicenceClient({
    baseUrl: DOCTOR_RELAY_BASE,
    publishableKey: "",
    fetch: fetchImpl,
  })
}
