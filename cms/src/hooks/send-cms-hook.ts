import { cmsWebhookSecret, signedHeaders } from "./sign-cms-hook"

export type CmsHookEvent = "entry.publish" | "entry.unpublish" | "entry.update" | "entry.delete"

export type CmsHookBody = {
  event: CmsHookEvent
  model: string
  document_id: string
  entry: Record<string, unknown> | null
}

type Log = { warn(message: string): void }

/** COMMERCE_CMS_HOOK_URL (default http://localhost:9000/hooks/cms); "off" sends nothing. */
export const cmsHookUrl = (env: NodeJS.ProcessEnv = process.env) =>
  env.COMMERCE_CMS_HOOK_URL || "http://localhost:9000/hooks/cms"

/** Waits before each retry: 1 s, 5 s, 30 s, 2 min (signed afresh every time). */
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000]

/**
 * POSTs one signed event to commerce in the background: the editor's save never waits
 * for commerce nor fails because of it. A failed call is retried a few times, each retry
 * signed with a new timestamp, then given up with a log line.
 */
export function sendCmsHook(body: CmsHookBody, log: Log, env: NodeJS.ProcessEnv = process.env) {
  const url = cmsHookUrl(env)
  if (url === "off") return
  const raw = JSON.stringify(body)
  const attempt = async (tries: number): Promise<void> => {
    let problem: string
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: signedHeaders(cmsWebhookSecret(env), raw),
        body: raw,
        signal: AbortSignal.timeout(10_000),
      })
      if (response.ok) return
      problem = `HTTP ${response.status}`
      // Refused for its signature or body: sending the same again cannot help.
      if (response.status === 400 || response.status === 401) tries = RETRY_DELAYS_MS.length
    } catch (error) {
      problem = (error as Error).message
    }
    if (tries >= RETRY_DELAYS_MS.length) {
      log.warn(
        `[cms-hook] ${body.event} ${body.model} ${body.document_id} not delivered to ${url}: ${problem}`
      )
      return
    }
    setTimeout(() => void attempt(tries + 1), RETRY_DELAYS_MS[tries]).unref()
  }
  void attempt(0)
}
