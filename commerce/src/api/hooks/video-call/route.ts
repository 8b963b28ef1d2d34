import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VIDEO_CALL_MODULE } from "../../../modules/video-call"
import { verifySessionReport } from "../../../modules/video-call/rules/session-report"
import { videoCallSecret } from "../../../modules/video-call/rules/video-call-secret"
import type VideoCallModuleService from "../../../modules/video-call/service"

/**
 * The signalling service reports that both parties are in the room (started) or that one
 * left (ended). Signed over the raw body with the shared secret; both reports are idempotent.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const report = verifySessionReport({
    secret: videoCallSecret(),
    timestamp: req.get("x-video-timestamp"),
    signature: req.get("x-video-signature"),
    body: raw === undefined ? "" : raw.toString(),
  })
  if (!report) {
    res.status(401).json({ message: "签名无效或已过期" })
    return
  }
  const sessions = req.scope.resolve<VideoCallModuleService>(VIDEO_CALL_MODULE)
  const at = new Date(report.at)
  const session =
    report.event === "started"
      ? await sessions.recordCallStarted(report.consultation_id, at)
      : await sessions.recordCallEnded(report.consultation_id, at)
  res.json({ session: session ? sessions.presentSession(session) : null })
}
