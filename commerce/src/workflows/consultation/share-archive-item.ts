import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"

type Input = {
  consultation_id: string
  customer_id: string
  item_type: "report" | "upload"
  item_id: string
}

/**
 * The member lets this consultation's doctor read one of their archive items (a lab report or
 * an uploaded record), while the consultation is open. Someone else's item is as unknown as a
 * made-up one (404). The share is for this consultation only and can be withdrawn.
 */
const shareStep = createStep(
  "share-consultation-archive-item",
  async (input: Input, { container }) => {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const consultation = await consultations.ownedConsultation(
      input.consultation_id,
      input.customer_id
    )
    if (["completed", "cancelled", "refunded"].includes(consultation.status)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "问诊已结束，不能再共享资料")
    }
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const owned =
      input.item_type === "report"
        ? await archive.listLabReports({ id: input.item_id, customer_id: input.customer_id })
        : await archive.listMemberUploads({ id: input.item_id, customer_id: input.customer_id })
    if (!owned.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这份档案资料")
    const share = await consultations.shareItem(input)
    await archive.logAccess({
      owner_id: input.customer_id,
      actor_type: "customer",
      actor_id: input.customer_id,
      action: "share_with_doctor",
      resource_type: input.item_type,
      resource_id: input.item_id,
    })
    return new StepResponse(share)
  }
)

export const shareArchiveItemWorkflow = createWorkflow(
  "share-consultation-archive-item",
  (input: Input) => new WorkflowResponse(shareStep(input))
)
