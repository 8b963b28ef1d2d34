import type { ConstitutionAnswers, ConstitutionResult, Sex } from "@health/core"

/**
 * A visitor's result stays in this browser (never on our server) until they sign in and
 * save it; the answers come along so the signed-in save can send them again.
 */
export type GuestResult = {
  sex: Sex
  answers: ConstitutionAnswers
  result: ConstitutionResult
  at: string
}

export const GUEST_RESULT_KEY = "constitution-guest-result"

export function readGuestResult(): GuestResult | null {
  try {
    const value = JSON.parse(localStorage.getItem(GUEST_RESULT_KEY) ?? "null") as GuestResult | null
    return value?.result?.scores && value.answers && value.sex ? value : null
  } catch {
    return null
  }
}

export function writeGuestResult(value: GuestResult) {
  localStorage.setItem(GUEST_RESULT_KEY, JSON.stringify(value))
}

export function clearGuestResult() {
  localStorage.removeItem(GUEST_RESULT_KEY)
}
