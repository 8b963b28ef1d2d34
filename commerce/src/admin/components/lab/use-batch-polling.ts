import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import type { ReportBatch } from "./lab-types"

const POLL_MS = 1500
const AFTER_ERROR_MS = 5000

/**
 * Follows one report batch: reads it, then every 1.5 s while its files are queued or
 * processing. `show` puts a batch the server just answered with (upload, retry) in place.
 */
export function useBatchPolling(onFinished: (batch: ReportBatch) => void) {
  const [batch, setBatch] = useState<ReportBatch>()
  const [openId, setOpenId] = useState<string>()
  const [error, setError] = useState<string>()

  // Opening a batch from the list: read it once, then the loop below takes over.
  useEffect(() => {
    if (!openId) return
    let alive = true
    adminRequest<{ batch: ReportBatch }>(
      `/admin/health-archive/report-batches/${encodeURIComponent(openId)}`
    )
      .then(({ batch: read }) => {
        if (!alive) return
        setBatch(read)
        setError(undefined)
      })
      .catch((failure) => {
        if (alive) setError(errorText(failure))
      })
    return () => {
      alive = false
    }
  }, [openId])

  const processing = batch?.status === "processing"
  useEffect(() => {
    if (!batch || batch.status !== "processing") return
    let alive = true
    const timer = setTimeout(
      () =>
        adminRequest<{ batch: ReportBatch }>(
          `/admin/health-archive/report-batches/${encodeURIComponent(batch.id)}`
        )
          .then(({ batch: read }) => {
            if (!alive) return
            setError(undefined)
            setBatch(read)
            if (read.status === "done") onFinished(read)
          })
          .catch((failure) => {
            if (!alive) return
            setError(errorText(failure))
            // A new object with the same contents schedules the next attempt.
            setBatch((current) => current && { ...current })
          }),
      error ? AFTER_ERROR_MS : POLL_MS
    )
    return () => {
      alive = false
      clearTimeout(timer)
    }
    // Each answer (a new batch object) schedules the next read.
  }, [batch])

  return {
    batch,
    processing,
    error,
    open: (id: string) => {
      setError(undefined)
      setBatch((current) => (current?.id === id ? current : undefined))
      setOpenId(id)
    },
    show: (next: ReportBatch) => {
      setError(undefined)
      setOpenId(undefined)
      setBatch(next)
      if (next.status === "done") onFinished(next)
    },
    close: () => {
      setOpenId(undefined)
      setBatch(undefined)
      setError(undefined)
    },
  }
}
