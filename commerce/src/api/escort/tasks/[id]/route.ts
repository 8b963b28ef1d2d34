import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readEscortTaskWorkflow } from "../../../../workflows/escort/read-escort-task"
import { escortRequest } from "../../../escort-request"
import { presentAssignedTasks } from "../../present-assigned-tasks"

/**
 * GET /escort/tasks/:id: the escort's own task (with its timeline) or one open or offered
 * to them (surname only), with the hospital's address, coordinates and guide and the
 * department's SOP. Anyone else's task is 404. An own task shows the patient and the
 * hospital's details only while it is active (presentAssignedTasks); each such read is audited.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const { result } = await readEscortTaskWorkflow(req.scope).run({
    input: { booking_id: req.params.id, escort },
  })
  if (!result.mine) return res.json({ task: result.task })
  const [own] = await presentAssignedTasks(req, [result.row])
  // The presented booking names the hospital only; the task's hospital carries its address,
  // coordinates and guide.
  if (!own.patient_details_hidden) {
    return res.json({ task: { ...result.task, ...own, hospital: result.task.hospital } })
  }
  res.json({
    task: {
      ...result.task,
      ...own,
      hospital: { id: result.row.hospital_id, name: result.row.hospital_name },
      sop: [],
    },
  })
}
