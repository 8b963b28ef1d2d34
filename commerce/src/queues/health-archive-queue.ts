import { HealthArchiveJob, QueueName, type IngestReportFileJob } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { ingestReportFileWorkflow } from "../workflows/health-archive/ingest-report-file"

export const healthArchiveQueue: QueueProcessor = {
  queue: QueueName.HEALTH_ARCHIVE,
  // PDF parsing is CPU-bound: two per worker process keeps the API responsive.
  concurrency: Number(process.env.REPORT_INGEST_CONCURRENCY || 2),
  handlers: {
    [HealthArchiveJob.INGEST_REPORT_FILE]: async (
      { batch_file_id }: IngestReportFileJob,
      { container }
    ) => {
      const { result } = await ingestReportFileWorkflow(container).run({ input: { batch_file_id } })
      return result
    },
  },
}
