import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../modules/consultation"
import type ConsultationModuleService from "../../../modules/consultation/service"
import {
  callRecordSignatureValid,
  parseCallRecords,
} from "../../../modules/privacy-number/call-records"

/**
 * POST /hooks/privacy-number: the provider's call records (JSON array), signed over the raw
 * body (`x-pls-signature`, ALIYUN_PLS_CALLBACK_SECRET). Each record lands on the consultation
 * named by its `out_id`, once per call id; records of unknown bindings are ignored.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = raw === undefined ? "" : raw.toString()
  const secret = process.env.ALIYUN_PLS_CALLBACK_SECRET ?? ""
  if (!callRecordSignatureValid(body, req.get("x-pls-signature") ?? "", secret)) {
    res.status(401).json({ message: "签名无效" })
    return
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    res.status(400).json({ message: "通话记录格式不正确" })
    return
  }
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  let recorded = 0
  for (const record of parseCallRecords(parsed)) {
    if (!record.out_id) continue
    const added = await consultations.recordCall({
      consultation_id: record.out_id,
      subs_id: record.subs_id,
      call_id: record.call_id,
      call_type: record.call_type,
      started_at: record.start_time,
      ended_at: record.release_time,
      duration_seconds: record.duration_seconds,
      release_cause: record.release_cause,
    })
    if (added) recorded++
  }
  // Aliyun's push expects this answer to stop retrying.
  res.json({ code: 0, msg: "成功", recorded })
}
