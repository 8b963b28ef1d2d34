import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SealedFileStore } from "../../lib/health-files/sealed-file-store"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type KitStatusChangedEvent,
} from "../../lib/events/domain-events"
import { readReportUpload, type ReportReading } from "../../lib/reports/report-reading"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { RecordedReportFile } from "../../modules/health-archive/service"

const UNFINISHED = ["queued", "processing", "failed"] as const

type UnreadFile = {
  id: string
  filename: string
  file_id: string
  key_id: string
  timings: unknown
}

/**
 * Reads the chunk's PDFs the upload stored unread: each is opened once, read (barcode, lab,
 * date, findings sealed with the file's key) and its reading saved in one write. A file that
 * can never become a report (unreadable, no single barcode) is refused and its sealed copy
 * removed, so a retry of the batch leaves it alone.
 */
async function readStagedFiles(
  archive: HealthArchiveModuleService,
  store: SealedFileStore,
  files: UnreadFile[]
) {
  const updates: ({ id: string; timings: Record<string, number> } & (
    | { reading: ReportReading }
    | { status: "failed"; error_code: string; error_message: string; file_id: null; key_id: null }
  ))[] = []
  const refusedFiles: string[] = []
  for (const file of files) {
    let started = performance.now()
    const pdf = await store.get({ file_id: file.file_id, key_id: file.key_id })
    const timings: Record<string, number> = {
      ...((file.timings as Record<string, number>) ?? {}),
      decrypt: performance.now() - started,
    }
    started = performance.now()
    const read = await readReportUpload(file.filename, pdf, (value) => store.sealJson(value))
    timings.parse = performance.now() - started
    if ("refusal" in read) {
      refusedFiles.push(file.file_id)
      updates.push({
        id: file.id,
        status: "failed",
        error_code: read.refusal.code,
        error_message: read.refusal.message,
        file_id: null,
        key_id: null,
        timings,
      })
    } else {
      updates.push({ id: file.id, reading: read.reading, timings })
    }
  }
  await archive.updateReportBatchFiles(updates)
  await store.remove(refusedFiles)
}

const ingestReportFilesStep = createStep(
  "ingest-report-files",
  async ({ batch_file_ids }: { batch_file_ids: string[] }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    // A finished file (or one refused at upload) is never processed twice.
    const files = (
      await archive.listReportBatchFiles(
        { id: batch_file_ids, status: [...UNFINISHED] },
        { select: ["id", "filename", "file_id", "key_id", "sha256", "reading", "timings"] }
      )
    ).filter((file) => file.file_id && file.key_id && file.sha256)
    if (!files.length) return new StepResponse<RecordedReportFile[]>([])
    const ids = files.map((file) => file.id)
    await archive.updateReportBatchFiles({
      selector: { id: ids, status: [...UNFINISHED] },
      data: { status: "processing", error_code: null, error_message: null },
    })
    try {
      const unread = files.filter((file) => !file.reading)
      if (unread.length) {
        await readStagedFiles(
          archive,
          new SealedFileStore(container.resolve(Modules.FILE)),
          unread as UnreadFile[]
        )
      }
      return new StepResponse(await archive.recordReportFiles(ids))
    } catch (error) {
      // Unexpected (storage down, database hiccup): show it and let BullMQ retry.
      await archive.updateReportBatchFiles({
        selector: { id: ids, status: "processing" },
        data: {
          status: "failed",
          error_code: "internal",
          error_message: "处理出错，系统将自动重试；多次失败请联系技术支持",
        },
      })
      throw error
    }
  }
)

/**
 * Turns a chunk of staged PDFs (sealed at upload, unread) into kits' reports: read each once,
 * then match each barcode's kit, record the reports and their findings and move the kits to
 * 报告已出, in one transaction. Replays are harmless: finished files are skipped, a file read
 * before is not opened again, and the same PDF is never recorded twice for a kit.
 */
export const ingestReportFilesWorkflow = createWorkflow(
  "ingest-report-files",
  (input: { batch_file_ids: string[] }) => {
    const recorded = ingestReportFilesStep(input)
    // The member hears of a report once, when its file moved the kit to 报告已出.
    const events = transform({ recorded }, ({ recorded }): KitStatusChangedEvent[] =>
      recorded
        .filter((file) => file.kit_event_id)
        .map((file) => ({ kit_id: file.kit_id!, event_id: file.kit_event_id! }))
    )
    when({ events }, ({ events }) => events.length > 0).then(() => {
      emitEventStep({
        eventName: DomainEvent.KIT_STATUS_CHANGED,
        options: DOMAIN_EVENT_OPTIONS,
        data: events,
      })
    })
    return new WorkflowResponse(recorded)
  }
)
