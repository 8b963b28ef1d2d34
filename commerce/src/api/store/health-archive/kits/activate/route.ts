import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answeringConflicts } from "../../../../conflict-response"
import { archiveRequest } from "../../../../health-archive-request"
import type { ConsentKind, Relation } from "../../../../../modules/health-archive/types"
import { activateKitWorkflow } from "../../../../../workflows/health-archive/activate-kit"
import type { ActivateKitBodyType } from "../../validators"

/** Binds a kit's barcode to the person tested and records the consents. */
export async function POST(
  req: AuthenticatedMedusaRequest<ActivateKitBodyType>,
  res: MedusaResponse
) {
  const { archive, actorId } = archiveRequest(req)
  const body = req.validatedBody
  let kitId = ""
  const done = await answeringConflicts(res, async () => {
    const { result } = await activateKitWorkflow(req.scope).run({
      input: {
        customer_id: actorId,
        barcode: body.barcode,
        person_id: body.person_id,
        person: body.person && {
          ...body.person,
          relation: body.person.relation as Relation,
          sex: body.person.sex as "female" | "male",
        },
        consents: body.consents.map((c) => ({
          kind: c.kind as ConsentKind,
          version: c.version.trim(),
        })),
      },
    })
    kitId = result.id
  })
  if (!done) return
  const [kit] = await archive.kitViews([kitId])
  res.json({ kit })
}
