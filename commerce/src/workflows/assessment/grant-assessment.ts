import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ASSESSMENT_MODULE } from "../../modules/assessment"
import { endDateProblem } from "../../modules/assessment/rules/expert-access"
import type AssessmentModuleService from "../../modules/assessment/service"
import type { GrantInput } from "../../modules/assessment/service"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import { isOwnedArchiveItem } from "./owned-archive-item"

/** As GrantInput, with the end date as an ISO string: workflow inputs are serialized. */
type Input = Omit<GrantInput, "ends_at"> & { ends_at: string }

const grantStep = createStep(
  "grant-archive-assessment",
  async (input: Input, { container }) => {
    const endsAt = new Date(input.ends_at)
    const problem = endDateProblem(endsAt, new Date())
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const doctor = await consultations.doctorRow(input.doctor_id)
    if (!doctor.license_verified_at || !doctor.on_duty) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这位专家")
    }
    for (const item of input.items) {
      // Someone else's item is as unknown as a made-up one.
      if (!(await isOwnedArchiveItem(container, input.customer_id, item))) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这份档案资料")
      }
    }
    const assessments = container.resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
    const row = await assessments.grant({ ...input, ends_at: endsAt })
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    for (const item of input.items) {
      await archive.logAccess({
        owner_id: input.customer_id,
        actor_type: "customer",
        actor_id: input.customer_id,
        action: "grant_assessment_expert",
        resource_type: item.item_type,
        resource_id: item.item_id,
      })
    }
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
        .deleteArchiveAssessments(id)
    }
  }
)

/**
 * The member asks one verified expert for a 检测评估 and, with a consent separate from any
 * consultation's, lets them read the chosen archive items until `ends_at`. Every item must be
 * the member's (another's is 404); the grant itself is written to the access log.
 */
export const grantAssessmentWorkflow = createWorkflow(
  "grant-archive-assessment",
  (input: Input) => new WorkflowResponse(grantStep(input))
)
