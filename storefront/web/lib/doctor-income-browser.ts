import { createDoctorIncomeClient, type DoctorIncomeApi, type FetchLike } from "@health/core"
import { DOCTOR_RELAY_BASE } from "./doctor-app-browser"

const sameOriginFetch: FetchLike = (input, init = {}) => {
  const { cacheHint: _hint, ...rest } = init
  return fetch(input, { ...rest, credentials: "same-origin", cache: "no-store" })
}

/** The doctor's income client in the browser, through the 在线诊室 relay (cookie token). */
export function doctorIncomeInBrowser(fetchImpl: FetchLike = sameOriginFetch): DoctorIncomeApi {
  return createDoctorIncomeClient({
    baseUrl: DOCTOR_RELAY_BASE,
    publishableKey: "",
    fetch: fetchImpl,
  })
}
