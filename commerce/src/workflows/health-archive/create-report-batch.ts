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

/** Queues one ingestion job per staged file; the job id makes re-queuing harmless. */
export const enqueueReportIngestionStep = createStep(
  "enqueue-report-ingestion",
  async (input: { file_ids: string[] }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const queued = await archive.listReportBatchFiles({ id: input.file_ids, status: "queued" })
    const queue = container.resolve<JobQueue>(QUEUE_MODULE)
    for (const file of queued) {
      await queue.enqueue(
        QueueName.HEALTH_ARCHIVE,
        HealthArchiveJob.INGEST_REPORT_FILE,
        { batch_file_id: file.id },
        { jobId: `ingest-${file.id}-${+new Date(file.updated_at)}` }
      )
    }
    return new StepResponse(queued.length)
  }
)

/**
 * Records a bulk upload of lab reports (already staged, see stageReportUpload: file
 * bytes never travel through a workflow) and queues each PDF for ingestion.
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
    const failed = (await archive.listReportBatchFiles({ batch_id, status: "failed" })).filter(
      (file) => file.file_id
    )
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
