import { createHmac, timingSafeEqual } from "crypto"

/** What the signalling service reports to POST /hooks/video-call. */
export type SessionReport = {
  consultation_id: string
  event: "started" | "ended"
  /** ISO time the service saw it happen. */
  at: string
}

/** How old a signed report may be, in seconds. */
export const SESSION_REPORT_MAX_AGE_SECONDS = 5 * 60

/** Hex HMAC-SHA256 of `${timestamp}.${body}`, sent as x-video-signature. */
export function signSessionReport(secret: string, timestamp: string | number, body: string) {
  return createHmac("sha256", secret).update(`video-report.${timestamp}.${body}`).digest("hex")
}

/** The report, when the signature is ours and fresh and the body says something we know. */
export function verifySessionReport(input: {
  secret: string
  timestamp: string | undefined
  signature: string | undefined
  body: string
  now?: number
}): SessionReport | null {
  const { secret, timestamp, signature, body } = input
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return null
  const now = Math.floor((input.now ?? Date.now()) / 1000)
  if (Math.abs(now - Number(timestamp)) > SESSION_REPORT_MAX_AGE_SECONDS) return null
  const expected = Buffer.from(signSessionReport(secret, timestamp, body), "hex")
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const report = JSON.parse(body) as SessionReport
    const ok =
      typeof report.consultation_id === "string" &&
      report.consultation_id.length > 0 &&
      (report.event === "started" || report.event === "ended") &&
      !Number.isNaN(Date.parse(report.at))
    return ok ? report : null
  } catch {
    return null
  }
}
