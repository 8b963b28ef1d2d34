import type { IFileModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { SealedUpload } from "../../lib/health-files/seal-member-uploads"
import { SealedFileStore } from "../../lib/health-files/sealed-file-store"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { UploadView } from "../../modules/health-archive/types"

type Input = { customer_id: string; note: string | null; files: SealedUpload[] }

const removeFiles = (files: IFileModuleService, uploads: SealedUpload[]) =>
  new SealedFileStore(files).remove(uploads.map((upload) => upload.file_id))

/**
 * Records the member's sealed files with their encrypted name and note. Should it fail,
 * the files go too: nothing refers to them.
 */
const recordMemberUploadsStep = createStep(
  "record-member-uploads",
  async (input: Input, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    try {
      const rows = input.files.map((file) => {
        const details = archive.sealUploadDetails({ filename: file.filename, note: input.note })
        // One key id for the row: the details are sealed with the same active key.
        if (details.key_id !== file.key_id) throw new Error("health data key changed during upload")
        return {
          customer_id: input.customer_id,
          kind: file.kind,
          mime_type: file.mime_type,
          size: file.size,
          file_id: file.file_id,
          key_id: file.key_id,
          payload_ciphertext: details.ciphertext,
        }
      })
      const created = await archive.createMemberUploads(rows)
      const views: UploadView[] = created.map((row) => archive.uploadView(row as never))
      return new StepResponse(views, { ids: created.map((row) => row.id), files: input.files })
    } catch (error) {
      await removeFiles(container.resolve(Modules.FILE), input.files)
      throw error
    }
  },
  async (created, { container }) => {
    if (!created) return
    await container
      .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      .deleteMemberUploads(created.ids)
    await removeFiles(container.resolve(Modules.FILE), created.files)
  }
)

/** A member's photos and PDFs of hospital records, already checked and sealed, join their archive. */
export const saveMemberUploadsWorkflow = createWorkflow("save-member-uploads", (input: Input) => {
  return new WorkflowResponse(recordMemberUploadsStep(input))
})
