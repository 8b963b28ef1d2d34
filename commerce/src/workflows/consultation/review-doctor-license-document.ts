import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"

export type ReviewDoctorLicenseDocumentInput = {
  doctor_id: string
  document_id: string
  decision: "approve" | "reject"
  reason: string | null
  reviewer_id: string
}

const consultations = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)

const reviewLicenseDocumentStep = createStep(
  "review-doctor-license-document",
  async (input: ReviewDoctorLicenseDocumentInput, { container }) => {
    const document = await consultations(container).reviewLicenseDocument(input)
    return new StepResponse(document, document.id)
  },
  async (id, { container }) => {
    if (id) await consultations(container).undoLicenseReview(id)
  }
)

/** Approved: the licence is verified (kept as first verified); rejected: withdrawn. */
const applyLicenseDecisionStep = createStep(
  "apply-doctor-license-decision",
  async (input: { doctor_id: string; decision: "approve" | "reject" }, { container }) => {
    const service = consultations(container)
    const before = (await service.doctorRow(input.doctor_id)).license_verified_at
    if (input.decision === "approve") await service.verifyLicense(input.doctor_id, new Date())
    else await service.withdrawLicenseVerification(input.doctor_id)
    return new StepResponse(undefined, { doctor_id: input.doctor_id, before })
  },
  async (previous, { container }) => {
    if (previous) {
      await consultations(container).restoreLicenseVerification(previous.doctor_id, previous.before)
    }
  }
)

/**
 * Staff review a doctor's licence document (the escorts' admission flow, for doctors):
 * approving verifies the doctor's licence, so members are offered them and they may open the
 * 在线诊室; rejecting (with a reason the doctor sees) withdraws it until a new document is
 * approved. Only a pending document is reviewed, once.
 */
export const reviewDoctorLicenseDocumentWorkflow = createWorkflow(
  "review-doctor-license-document",
  (input: ReviewDoctorLicenseDocumentInput) => {
    const document = reviewLicenseDocumentStep(input)
    applyLicenseDecisionStep(
      transform({ input }, ({ input }) => ({
        doctor_id: input.doctor_id,
        decision: input.decision,
      }))
    )
    return new WorkflowResponse(document)
  }
)
