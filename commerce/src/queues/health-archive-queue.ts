import { HealthArchiveJob, QueueName, type IngestReportFileJob } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { ingestReportFilesWorkflow } from "../workflows/health-archive/ingest-report-files"

export const healthArchiveQueue: QueueProcessor = {
  queue: QueueName.HEALTH_ARCHIVE,
  // Each job records a chunk of files in one transaction; two at a time per worker process.
  concurrency: Number(process.env.REPORT_INGEST_CONCURRENCY || 2),
  handlers: {
    [HealthArchiveJob.INGEST_REPORT_FILE]: async (job: IngestReportFileJob, { container }) => {
      const batch_file_ids = "batch_file_ids" in job ? job.batch_file_ids : [job.batch_file_id]
      const { result } = await ingestReportFilesWorkflow(container).run({
        input: { batch_file_ids },
      })
      return result
    },
  },
}
