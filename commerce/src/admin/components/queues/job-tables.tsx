import { Button, Text } from "@medusajs/ui"
import { RecordTable, type RecordColumn } from "../shared/record-table"
import { formatJobTime } from "./format-job-time"
import { QUEUE_MESSAGES as M } from "./queue-messages"
import type { DelayedJob, FailedJob } from "./queue-types"

const jobData = (data: unknown) => (
  <code className="txt-compact-xsmall break-all text-ui-fg-subtle">{JSON.stringify(data)}</code>
)

/** Failed jobs with their reason and a 重试 button each. */
export function FailedJobTable({
  jobs,
  retrying,
  onRetry,
}: {
  jobs: FailedJob[]
  retrying: string | null
  onRetry: (job: FailedJob) => void
}) {
  const columns: RecordColumn<FailedJob>[] = [
    { header: M.job, cell: (job) => `${job.name} #${job.id ?? "—"}` },
    { header: M.attempts, cell: (job) => job.attempts },
    {
      header: M.reason,
      cell: (job) => (
        <Text className="txt-compact-small text-ui-fg-error">{job.failed_reason}</Text>
      ),
    },
    {
      header: M.failedAt,
      cell: (job) => <span className="whitespace-nowrap">{formatJobTime(job.failed_at)}</span>,
    },
    { header: M.data, cell: (job) => jobData(job.data) },
    {
      header: "",
      cell: (job) => (
        <Button
          size="small"
          variant="secondary"
          className="whitespace-nowrap"
          disabled={!job.id}
          isLoading={retrying === job.id}
          onClick={() => onRetry(job)}
        >
          {M.retry}
        </Button>
      ),
    },
  ]
  return (
    <RecordTable rows={jobs} rowKey={(job) => `${job.id}`} columns={columns} empty={M.noFailed} />
  )
}

/** Jobs waiting for their time: reminders, back-offs between attempts. */
export function DelayedJobTable({ jobs }: { jobs: DelayedJob[] }) {
  const columns: RecordColumn<DelayedJob>[] = [
    { header: M.job, cell: (job) => `${job.name} #${job.id ?? "—"}` },
    { header: M.attempts, cell: (job) => job.attempts },
    {
      header: M.runAt,
      cell: (job) => <span className="whitespace-nowrap">{formatJobTime(job.run_at)}</span>,
    },
    { header: M.data, cell: (job) => jobData(job.data) },
  ]
  return (
    <RecordTable rows={jobs} rowKey={(job) => `${job.id}`} columns={columns} empty={M.noDelayed} />
  )
}
