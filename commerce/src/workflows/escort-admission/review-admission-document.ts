import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import type { DocumentReview } from "../../modules/escort-admission/types"

type Input = { application_id: string; document_id: string; review: DocumentReview }

const reviewAdmissionDocumentStep = createStep(
  "review-admission-document",
  async (input: Input, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    return new StepResponse(
      await admission.reviewDocument(input.application_id, input.document_id, input.review)
    )
  }
)

/** Staff approve a document (with its expiry date) or reject it with a reason. */
export const reviewAdmissionDocumentWorkflow = createWorkflow(
  "review-admission-document",
  (input: Input) => new WorkflowResponse(reviewAdmissionDocumentStep(input))
)
