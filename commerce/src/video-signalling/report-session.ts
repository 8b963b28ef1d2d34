import { signSessionReport, type SessionReport } from "../modules/video-call/rules/session-report"

/** Tells commerce a call started or ended; retried twice, since a lost "ended" leaves it open. */
export async function reportSession(url: string, secret: string, report: SessionReport) {
  const body = JSON.stringify(report)
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const timestamp = String(Math.floor(Date.now() / 1000))
      const answer = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-video-timestamp": timestamp,
          "x-video-signature": signSessionReport(secret, timestamp, body),
        },
        body,
      })
      if (answer.ok) return
      lastError = new Error(`HTTP ${answer.status}`)
      if (answer.status < 500) break
    } catch (error) {
      lastError = error
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)))
  }
  throw lastError
}
