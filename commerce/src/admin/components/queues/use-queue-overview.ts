import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import type { QueueOverview } from "./queue-types"

const REFRESH_MS = 10_000

/** Every queue's state, read now and every 10 seconds while `auto` is on. */
export function useQueueOverview(auto: boolean) {
  const [queues, setQueues] = useState<QueueOverview[]>([])
  const [problem, setProblem] = useState<string>()
  const [loading, setLoading] = useState(true)

  const load = useCallback(() => {
    setLoading(true)
    return adminRequest<{ queues: QueueOverview[] }>("/admin/queues")
      .then(({ queues }) => {
        setQueues(queues)
        setProblem(undefined)
      })
      .catch((error) => setProblem(errorText(error)))
      .finally(() => setLoading(false))
  }, [])

  useEffect(() => {
    void load()
    if (!auto) return
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [auto, load])

  return { queues, problem, loading, reload: load }
}
