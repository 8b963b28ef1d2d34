import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SealedFileStore } from "../../lib/health-files/sealed-file-store"
import { ESCORT_MESSAGING_MODULE } from "../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../modules/escort-messaging/service"

type Input = {
  booking_id: string
  uploader_type: "member" | "escort"
  uploader_id: string
  mime_type: string
  size: number
  file_id: string
  key_id: string
}

const removeFile = (container: { resolve: (key: string) => unknown }, fileId: string) =>
  new SealedFileStore(container.resolve(Modules.FILE) as never).remove([fileId])

/** Records a sealed picture of a booking; should that fail, the file goes too. */
const recordEscortUploadStep = createStep(
  "record-escort-upload",
  async (input: Input, { container }) => {
    const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
    try {
      const row = await messaging.recordUpload(input)
      return new StepResponse({ id: row.id }, { id: row.id, file_id: input.file_id })
    } catch (error) {
      await removeFile(container, input.file_id)
      throw error
    }
  },
  async (created, { container }) => {
    if (!created) return
    await container
      .resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
      .deleteEscortUploads(created.id)
    await removeFile(container, created.file_id)
  }
)

/** A picture for a booking's conversation or service report, already checked and sealed. */
export const recordEscortUploadWorkflow = createWorkflow(
  "record-escort-upload",
  (input: Input) => new WorkflowResponse(recordEscortUploadStep(input))
)
