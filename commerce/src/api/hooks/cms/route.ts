import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CMS_EVENTS, type CmsHookPayload, enqueueCmsHookJobs } from "../../../lib/cms/cms-hook-jobs"
import { cmsWebhookSecret, verifyCmsHook } from "../../../lib/cms/cms-hook-signature"
import { QUEUE_MODULE, type JobQueue } from "../../../lib/queue/jobs"

function parsePayload(raw: string): CmsHookPayload | null {
  try {
    const body = JSON.parse(raw) as Partial<CmsHookPayload>
    const ok =
      CMS_EVENTS.includes(body.event as never) &&
      typeof body.model === "string" &&
      /^[a-z0-9-]{1,60}$/.test(body.model) &&
      typeof body.document_id === "string" &&
      body.document_id.length > 0 &&
      (body.entry === null || body.entry === undefined || typeof body.entry === "object")
    return ok ? ({ ...body, entry: body.entry ?? null } as CmsHookPayload) : null
  } catch {
    return null
  }
}

/**
 * Strapi's signed content events (see cms/src/hooks). The HMAC covers the raw body, so
 * it is checked before anything is parsed; only a verified call enqueues jobs.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = raw === undefined ? "" : raw.toString()
  const check = verifyCmsHook({
    secret: cmsWebhookSecret(),
    timestamp: req.get("x-cms-timestamp"),
    signature: req.get("x-cms-signature"),
    body,
  })
  if (!check.ok) {
    res.status(401).json({ type: "unauthorized", message: `CMS 通知未被接受：${check.reason}` })
    return
  }
  const payload = parsePayload(body)
  if (!payload) {
    res.status(400).json({
      message: 'body must be { "event": "entry.publish|...", "model", "document_id", "entry" }',
    })
    return
  }
  const jobs = await enqueueCmsHookJobs(req.scope.resolve<JobQueue>(QUEUE_MODULE), payload)
  res.status(202).json({ accepted: true, jobs })
}
