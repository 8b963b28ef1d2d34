import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { answeringConflicts } from "../../../../../conflict-response"
import { archiveRequest } from "../../../../../health-archive-request"
import {
  advanceKitWorkflow,
  type StaffKitAction,
} from "../../../../../../workflows/health-archive/advance-kit"
import type { AdvanceKitBodyType } from "../../../validators"

const ACTIONS: Record<string, StaffKitAction> = {
  ship: "ship",
  receive: "receive",
  "start-testing": "start_testing",
  reject: "reject",
}

/** POST /admin/health-archive/kits/:id/{ship|receive|start-testing|reject} */
export async function POST(
  req: AuthenticatedMedusaRequest<AdvanceKitBodyType>,
  res: MedusaResponse
) {
  const action = ACTIONS[req.params.action]
  if (!action) throw new MedusaError(MedusaError.Types.NOT_FOUND, `未知的操作 ${req.params.action}`)
  const { archive, actorId } = archiveRequest(req)
  const done = await answeringConflicts(res, async () => {
    await advanceKitWorkflow(req.scope).run({
      input: { kit_id: req.params.id, action, staff_id: actorId, ...req.validatedBody },
    })
  })
  if (!done) return
  const [kit] = await archive.kitViews([req.params.id])
  res.json({ kit })
}
