import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { bindEscortWechatWorkflow } from "../../../../workflows/escort-income/bind-escort-wechat"
import type { BindEscortWechatBody } from "../../../escort-income-validators"
import { escortRequest } from "../../../escort-request"
import { presentEscortWechat } from "../present-escort-wechat"

/** POST /escort/wechat/bind `{ code }` (wx.login in the escort mode): where withdrawals go. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof BindEscortWechatBody>>,
  res: MedusaResponse
) {
  const { escort } = await escortRequest(req)
  const { result } = await bindEscortWechatWorkflow(req.scope).run({
    input: { escort_id: escort.id, code: req.validatedBody.code },
  })
  res.json({ wechat: presentEscortWechat(result) })
}
