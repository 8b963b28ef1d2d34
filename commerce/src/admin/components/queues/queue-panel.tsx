import { Button, Container, Heading, Text } from "@medusajs/ui"
import { DelayedJobTable, FailedJobTable } from "./job-tables"
import { QUEUE_LABELS, QUEUE_MESSAGES as M } from "./queue-messages"
import { QueueCountBadges } from "./queue-counts"
import type { FailedJob, QueueOverview } from "./queue-types"

type QueuePanelProps = {
  queue: QueueOverview
  retrying: string | null
  onRetry: (queue: string, job: FailedJob) => void
  onRetryAll: (queue: string) => void
}

/** One queue: its name, counts, 全部重试, and its failed and delayed jobs. */
export function QueuePanel({ queue, retrying, onRetry, onRetryAll }: QueuePanelProps) {
  return (
    <Container className="flex flex-col gap-y-3">
      <div className="flex items-center justify-between gap-4">
        <div>
          <Heading level="h2">{QUEUE_LABELS[queue.name] ?? queue.name}</Heading>
          <Text className="txt-compact-small text-ui-fg-muted">{queue.name}</Text>
        </div>
        <div className="flex items-center gap-3">
          <QueueCountBadges counts={queue.counts} />
          <Button
            size="small"
            variant="secondary"
            className="whitespace-nowrap"
            disabled={!queue.counts.failed}
            isLoading={retrying === `all:${queue.name}`}
            onClick={() => onRetryAll(queue.name)}
          >
            {M.retryAll}
          </Button>
        </div>
      </div>
      {queue.failed.length > 0 && (
        <>
          <Text weight="plus">{M.failedJobs}</Text>
          <FailedJobTable
            jobs={queue.failed}
            retrying={retrying}
            onRetry={(job) => onRetry(queue.name, job)}
          />
        </>
      )}
      {queue.delayed.length > 0 && (
        <>
          <Text weight="plus">{M.delayedJobs}</Text>
          <DelayedJobTable jobs={queue.delayed} />
        </>
      )}
    </Container>
  )
}
