import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_CASE_MODULE } from "../../../modules/escort-case"
import type EscortCaseModuleService from "../../../modules/escort-case/service"
import { applyInsurerCallbackWorkflow } from "../../../workflows/escort-case/apply-insurer-callback"

/**
 * POST /hooks/insurer: the insurer's claim status callbacks, signed over the raw body
 * (insurer-signature.ts). Verified before anything is read; a retry of a callback already
 * applied answers 200 and changes nothing. An unknown claim is a 404 so the insurer retries
 * (it may race our keeping of the claim number).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const insurer = req.scope.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE).insurer()
  if (!insurer) {
    res.status(404).json({ message: "未配置保险公司" })
    return
  }
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = raw === undefined ? "" : raw.toString()
  let callback: ReturnType<typeof insurer.verifyCallback> = null
  try {
    callback = insurer.verifyCallback(req.headers as Record<string, string | undefined>, body)
  } catch {
    callback = null
  }
  if (!callback) {
    res.status(401).json({ code: "SIGN_ERROR", message: "签名校验失败或通知格式不正确" })
    return
  }
  const { result } = await applyInsurerCallbackWorkflow(req.scope).run({
    input: { provider: insurer.id, callback },
  })
  if (!result) {
    res.status(404).json({ code: "NOT_FOUND", message: "未找到该理赔" })
    return
  }
  res.json({ code: "SUCCESS" })
}
