import { createHash } from "crypto"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { HealthArchiveJob, QUEUE_MODULE, QueueName, type JobQueue } from "../../lib/queue/jobs"
import type { StagedReportFile } from "../../lib/reports/stage-report-upload"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"

const recordReportBatchStep = createStep(
  "record-report-batch",
  async (input: { staff_id: string; files: StagedReportFile[] }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const batch = await archive.createReportBatches({ created_by: input.staff_id })
    const files = await archive.createReportBatchFiles(
      input.files.map((file) => ({ ...file, batch_id: batch.id }))
    )
    return new StepResponse({ batch_id: batch.id, file_ids: files.map((f) => f.id) }, batch.id)
  },
  async (batchId, { container }) => {
    if (!batchId) return
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const files = await archive.listReportBatchFiles({ batch_id: batchId })
    await archive.deleteReportBatchFiles(files.map((file) => file.id))
    await archive.deleteReportBatches(batchId)
  }
)

/** Files recorded per job (one transaction each): REPORT_INGEST_CHUNK, 50 by default. */
const chunkSize = () => Math.max(1, Number(process.env.REPORT_INGEST_CHUNK || 50))

/**
 * Queues the staged files for recording, a chunk per job. The job id names the chunk's
 * files and their last change, so re-queuing the same files is harmless and a retry (which
 * changes them) queues anew.
 */
export const enqueueReportIngestionStep = createStep(
  "enqueue-report-ingestion",
  async (input: { file_ids: string[] }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const listed = await archive.listReportBatchFiles(
      { id: input.file_ids, status: "queued" },
      { select: ["id", "updated_at"] }
    )
    // In the order given (the upload's): recording keeps the first of two copies of a PDF.
    const byId = new Map(listed.map((file) => [file.id, file]))
    const queued = input.file_ids.flatMap((id) => byId.get(id) ?? [])
    const queue = container.resolve<JobQueue>(QUEUE_MODULE)
    for (let start = 0; start < queued.length; start += chunkSize()) {
      const chunk = queued.slice(start, start + chunkSize())
      const key = createHash("sha256")
        .update(chunk.map((file) => `${file.id}@${+new Date(file.updated_at)}`).join(","))
        .digest("hex")
      await queue.enqueue(
        QueueName.HEALTH_ARCHIVE,
        HealthArchiveJob.INGEST_REPORT_FILE,
        { batch_file_ids: chunk.map((file) => file.id) },
        { jobId: `ingest-${key}` }
      )
    }
    return new StepResponse(queued.length)
  }
)

/**
 * Records a bulk upload of lab reports (sealed and stored unread, see stageReportUpload:
 * file bytes never travel through a workflow) and queues its PDFs to be read and recorded.
 */
export const createReportBatchWorkflow = createWorkflow(
  "create-report-batch",
  (input: { staff_id: string; files: StagedReportFile[] }) => {
    const batch = recordReportBatchStep(input)
    enqueueReportIngestionStep(transform({ batch }, ({ batch }) => ({ file_ids: batch.file_ids })))
    return new WorkflowResponse(transform({ batch }, ({ batch }) => batch.batch_id))
  }
)

const requeueFailedFilesStep = createStep(
  "requeue-failed-report-files",
  async ({ batch_id }: { batch_id: string }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    // Files refused at upload (not a PDF, too large) have nothing staged to retry.
    const failed = (
      await archive.listReportBatchFiles(
        { batch_id, status: "failed" },
        { order: { created_at: "ASC", id: "ASC" } }
      )
    ).filter((file) => file.file_id)
    if (failed.length) {
      await archive.updateReportBatchFiles(
        failed.map((file) => ({
          id: file.id,
          status: "queued" as const,
          error_code: null,
          error_message: null,
        }))
      )
    }
    return new StepResponse({ file_ids: failed.map((file) => file.id) })
  }
)

/** Queues a batch's failed files again; finished files are never touched. */
export const retryReportBatchWorkflow = createWorkflow(
  "retry-report-batch",
  (input: { batch_id: string }) => {
    const requeued = requeueFailedFilesStep(input)
    return new WorkflowResponse(enqueueReportIngestionStep(requeued))
  }
)
