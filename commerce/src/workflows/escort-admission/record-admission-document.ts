import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SealedFileStore } from "../../lib/health-files/sealed-file-store"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import type { AdmissionDocumentKind } from "../../modules/escort-admission/rules/document-kinds"

type Input = {
  application_id: string
  kind: AdmissionDocumentKind
  title: string | null
  mime_type: string
  size: number
  file_id: string
  key_id: string
}

const removeFile = (container: { resolve: (key: string) => unknown }, fileId: string) =>
  new SealedFileStore(container.resolve(Modules.FILE) as never).remove([fileId])

/** Records a sealed document of an application; should that fail, the file goes too. */
const recordAdmissionDocumentStep = createStep(
  "record-admission-document",
  async (input: Input, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    try {
      const { application_id, ...document } = input
      const row = await admission.addDocument(application_id, document)
      return new StepResponse(row, { id: row.id, file_id: input.file_id })
    } catch (error) {
      await removeFile(container, input.file_id)
      throw error
    }
  },
  async (created, { container }) => {
    if (!created) return
    await container
      .resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
      .deleteEscortAdmissionDocuments(created.id)
    await removeFile(container, created.file_id)
  }
)

/** A document (健康证, 背景调查 …) the applicant uploaded, already checked and sealed. */
export const recordAdmissionDocumentWorkflow = createWorkflow(
  "record-admission-document",
  (input: Input) => new WorkflowResponse(recordAdmissionDocumentStep(input))
)
