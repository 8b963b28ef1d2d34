import { defineRouteConfig } from "@medusajs/admin-sdk"
import { QueueList } from "@medusajs/icons"
import { Button, Checkbox, Container, Heading, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { QueuePanel } from "../../components/queues/queue-panel"
import { QUEUE_MESSAGES as M } from "../../components/queues/queue-messages"
import type { FailedJob } from "../../components/queues/queue-types"
import { useQueueOverview } from "../../components/queues/use-queue-overview"

/** 队列监控: every background queue's counts, failed and delayed jobs, with retry. */
const QueuesPage = () => {
  const [auto, setAuto] = useState(true)
  const [retrying, setRetrying] = useState<string | null>(null)
  const { queues, problem, loading, reload } = useQueueOverview(auto)

  const retry = async (key: string, path: string) => {
    setRetrying(key)
    try {
      const { retried } = await adminRequest<{ retried: number }>(path, { method: "POST" })
      toast.success(M.retried(retried))
      await reload()
    } catch (error) {
      toast.error(errorText(error))
    } finally {
      setRetrying(null)
    }
  }

  const retryOne = (queue: string, job: FailedJob) =>
    retry(job.id!, `/admin/queues/${queue}/jobs/${encodeURIComponent(job.id!)}/retry`)
  const retryAll = (queue: string) => retry(`all:${queue}`, `/admin/queues/${queue}/retry-failed`)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between gap-4">
        <div>
          <Heading level="h1">{M.title}</Heading>
          <Text className="text-ui-fg-subtle">{M.intro}</Text>
        </div>
        <div className="flex items-center gap-4">
          <div className="flex items-center gap-2">
            <Checkbox
              id="queues-auto-refresh"
              checked={auto}
              onCheckedChange={(checked) => setAuto(checked === true)}
            />
            <Label htmlFor="queues-auto-refresh">{M.autoRefresh}</Label>
          </div>
          <Button
            variant="secondary"
            size="small"
            onClick={() => void reload()}
            isLoading={loading}
          >
            {M.refresh}
          </Button>
        </div>
      </Container>
      {problem && (
        <Text className="text-ui-fg-error">
          {M.loadFailed}：{problem}
        </Text>
      )}
      {queues.map((queue) => (
        <QueuePanel
          key={queue.name}
          queue={queue}
          retrying={retrying}
          onRetry={retryOne}
          onRetryAll={retryAll}
        />
      ))}
    </div>
  )
}

export const config = defineRouteConfig({ label: "队列监控", icon: QueueList })

export default QueuesPage
