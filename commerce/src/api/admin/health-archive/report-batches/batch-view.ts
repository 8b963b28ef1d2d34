import type { MedusaContainer } from "@medusajs/framework/types"
import { HEALTH_ARCHIVE_MODULE } from "../../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../../modules/health-archive/service"

const FILE_FIELDS = [
  "id",
  "filename",
  "size",
  "status",
  "error_code",
  "error_message",
  "barcode",
  "kit_id",
  "report_id",
  // Milliseconds per stage (encrypt, store at upload; decrypt, parse per file in the worker;
  // match, record per chunk, shared by its files):
  // shows staff where a slow batch spends its time, and feeds bench/report-ingest.mjs.
  "timings",
] as const

/** Batches with per-file progress counts (and the files themselves when asked). */
export async function batchViews(
  container: MedusaContainer,
  input: { id?: string; limit?: number; offset?: number; withFiles?: boolean }
) {
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const [rows, count] = await archive.listAndCountReportBatches(input.id ? { id: input.id } : {}, {
    take: input.limit ?? 1,
    skip: input.offset ?? 0,
    order: { created_at: "DESC" },
  })
  const files = rows.length
    ? await archive.listReportBatchFiles(
        { batch_id: rows.map((row) => row.id) },
        { select: [...FILE_FIELDS, "batch_id", "created_at"], order: { created_at: "ASC" } }
      )
    : []
  const batches = rows.map((batch) => {
    const mine = files.filter((file) => (file as { batch_id?: string }).batch_id === batch.id)
    const counts = { total: mine.length, queued: 0, processing: 0, done: 0, failed: 0 }
    for (const file of mine) counts[file.status as keyof typeof counts]++
    const busy = counts.queued + counts.processing > 0
    return {
      id: batch.id,
      status: busy ? "processing" : "done",
      created_by: batch.created_by,
      created_at: batch.created_at,
      counts,
      ...(input.withFiles
        ? { files: mine.map((file) => Object.fromEntries(FILE_FIELDS.map((f) => [f, file[f]]))) }
        : {}),
    }
  })
  return { batches, count }
}
