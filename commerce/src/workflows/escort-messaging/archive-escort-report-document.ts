import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { SealedFileStore } from "../../lib/health-files/sealed-file-store"
import type { SealedUpload } from "../../lib/health-files/seal-member-uploads"
import { ESCORT_MESSAGING_MODULE } from "../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../modules/escort-messaging/service"
import type { UploadView } from "../../modules/health-archive/types"
import { saveMemberUploadsWorkflow } from "../health-archive/save-member-uploads"

type Input = {
  booking_id: string
  document_id: string
  customer_id: string
  filename: string
  note: string
}

const messagingOf = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)

/** The document and the archive item it already became, if it did. */
const readReportDocumentStep = createStep(
  "read-escort-report-document",
  async (input: Input, { container }) => {
    const document = await messagingOf(container).reportDocument(
      input.booking_id,
      input.document_id
    )
    return new StepResponse({
      archived_upload_id: document.archived_upload_id,
      mime_type: document.mime_type,
    })
  }
)

/**
 * A copy of the document, sealed anew as the member's own file: the archive item and the
 * report then never share a file, so deleting one leaves the other whole.
 */
const sealDocumentCopyStep = createStep(
  "seal-escort-report-document-copy",
  async (input: Input & { mime_type: string }, { container }) => {
    const document = await messagingOf(container).reportDocument(
      input.booking_id,
      input.document_id
    )
    const store = new SealedFileStore(container.resolve(Modules.FILE))
    const bytes = await store.get(document)
    const { file_id, key_id } = await store.put(bytes)
    const sealed: SealedUpload = {
      filename: input.filename,
      kind: "image",
      mime_type: input.mime_type,
      size: bytes.length,
      file_id,
      key_id,
    }
    return new StepResponse(sealed, file_id)
  },
  async (fileId, { container }) => {
    if (fileId) await new SealedFileStore(container.resolve(Modules.FILE)).remove([fileId])
  }
)

const markDocumentArchivedStep = createStep(
  "mark-escort-report-document-archived",
  async (input: { document_id: string; upload_id: string }, { container }) => {
    const marked = await messagingOf(container).markArchived(input.document_id, input.upload_id)
    if (!marked) throw new Error("escort report document archived twice despite the lock")
    return new StepResponse(undefined, input)
  },
  async (marked, { container }) => {
    if (marked) await messagingOf(container).unmarkArchived(marked.document_id, marked.upload_id)
  }
)

/**
 * One tap saves a service report document into the member's health archive, by the path
 * members' own uploads take (save-member-uploads). Idempotent: under the document's lock,
 * a document already saved answers the archive item it became and creates nothing.
 */
export const archiveEscortReportDocumentWorkflow = createWorkflow(
  "archive-escort-report-document",
  (input: Input) => {
    const key = transform({ input }, ({ input }) => `escort-report-document:${input.document_id}`)
    acquireLockStep({ key, timeout: 15, ttl: 60 })
    const document = readReportDocumentStep(input)
    const saved = when({ document }, ({ document }) => !document.archived_upload_id).then(() => {
      const sealed = sealDocumentCopyStep(
        transform({ input, document }, ({ input, document }) => ({
          ...input,
          mime_type: document.mime_type,
        }))
      )
      const uploads: UploadView[] = saveMemberUploadsWorkflow.runAsStep({
        input: transform({ input, sealed }, ({ input, sealed }) => ({
          customer_id: input.customer_id,
          note: input.note,
          files: [sealed],
        })),
      })
      const uploadId = transform({ uploads }, ({ uploads }) => uploads[0].id)
      markDocumentArchivedStep(
        transform({ input, uploadId }, ({ input, uploadId }) => ({
          document_id: input.document_id,
          upload_id: uploadId,
        }))
      )
      return uploadId
    })
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ document, saved }, ({ document, saved }) => ({
        upload_id: (document.archived_upload_id ?? saved) as string,
        created: !document.archived_upload_id,
      }))
    )
  }
)
