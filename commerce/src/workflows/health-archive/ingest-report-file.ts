import { MedusaError, Modules } from "@medusajs/framework/utils"
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
import { findKitBarcodes } from "../../lib/kits/kit-barcode"
import { KIT_STATUS_LABELS, KIT_TRANSITIONS } from "../../lib/kits/kit-status"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type KitStatusChangedEvent,
} from "../../lib/events/domain-events"
import { parseReportFindings } from "../../lib/reports/parse-report-findings"
import { readReportPdf, UnreadablePdfError } from "../../lib/reports/read-report-pdf"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"

export type IngestOutcome =
  | {
      status: "done"
      report_id: string
      kit_id: string
      replayed: boolean
      /** The kit's 报告已出 timeline entry when this file moved it there. */
      kit_event_id: string | null
    }
  | { status: "failed"; error_code: string }
  | { status: "skipped" }

/** A file that cannot become a report; staff see the message in the progress view. */
class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly barcode: string | null = null
  ) {
    super(message)
  }
}

const ingestReportFileStep = createStep(
  "ingest-report-file",
  async ({ batch_file_id }: { batch_file_id: string }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const [file] = await archive.listReportBatchFiles({ id: batch_file_id }, { take: 1 })
    if (!file) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No report file ${batch_file_id}`)
    // A finished file (or one refused at upload) is never processed twice.
    if (file.status === "done" || !file.file_id || !file.key_id || !file.sha256) {
      return new StepResponse<IngestOutcome, string | null>({ status: "skipped" }, null)
    }
    await archive.updateReportBatchFiles({
      id: file.id,
      status: "processing",
      error_code: null,
      error_message: null,
    })
    const timings: Record<string, number> = { ...((file.timings as Record<string, number>) ?? {}) }
    const store = new SealedFileStore(container.resolve(Modules.FILE))
    try {
      let started = performance.now()
      const pdf = await store.get({ file_id: file.file_id, key_id: file.key_id })
      timings.decrypt = performance.now() - started

      started = performance.now()
      const parsed = await readReportPdf(pdf).catch((error) => {
        if (error instanceof UnreadablePdfError) {
          throw new Refusal(
            "unreadable",
            "PDF 无法解析（文件损坏或已加密），请向实验室索取原始文件"
          )
        }
        throw error
      })
      timings.parse = performance.now() - started

      started = performance.now()
      // The file name is what the lab controls best; the text is the fallback.
      const fromName = findKitBarcodes(file.filename)
      const candidates = fromName.length ? fromName : findKitBarcodes(parsed.text)
      if (!candidates.length) {
        throw new Refusal("no_barcode", "文件名和报告内容中都没有找到有效条码（GT + 10 位数字）")
      }
      if (candidates.length > 1) {
        throw new Refusal(
          "no_barcode",
          `找到多个条码（${candidates.join("、")}），请把文件命名为对应条码后重新上传`
        )
      }
      const barcode = candidates[0]
      const kit = await archive.kitByBarcode(barcode)
      if (!kit) throw new Refusal("unmatched_barcode", `没有条码为 ${barcode} 的检测盒`, barcode)
      const [existing] = await archive.listLabReports(
        { kit_id: kit.id, sha256: file.sha256 },
        { take: 1 }
      )
      if (existing && existing.batch_file_id !== file.id) {
        throw new Refusal("duplicate", `该报告已上传过（检测盒 ${barcode}），未重复保存`, barcode)
      }
      if (!existing && !KIT_TRANSITIONS.report.from.includes(kit.status)) {
        throw new Refusal(
          "kit_not_ready",
          `检测盒 ${barcode} 当前为“${KIT_STATUS_LABELS[kit.status]}”，请先在检测盒列表中确认接收样本`,
          barcode
        )
      }
      timings.match = performance.now() - started

      started = performance.now()
      const summary = archive.sealSummary({ excerpt: parsed.excerpt, pages: parsed.pages })
      const report =
        existing ??
        (await archive.createLabReports({
          kit_id: kit.id,
          customer_id: kit.customer_id,
          // The staged file is already the encrypted report: no second copy is made.
          file_id: file.file_id,
          key_id: file.key_id,
          size: file.size,
          sha256: file.sha256,
          summary_ciphertext: summary.ciphertext,
          lab: parsed.lab,
          issued_at: parsed.issued_on ? new Date(`${parsed.issued_on}T00:00:00+08:00`) : null,
          batch_file_id: file.id,
        }))
      // Where the layout is known the findings come with the report (a replay reads them
      // again; staff's own list is never replaced); else staff enter them in the lab page.
      const findings = parseReportFindings(parsed.text)
      if (findings.length) {
        await archive.recordReportFindings({ report_id: report.id, findings, source: "parser" })
      }
      let eventId: string | null = null
      if (!existing) {
        const moved = await archive.transitionKit(kit.id, "report", {
          actor_type: "system",
          note: kit.status === "report_ready" || kit.status === "delivered" ? "报告已更新" : null,
        })
        eventId = moved.event_id
      }
      timings.record = performance.now() - started
      await archive.updateReportBatchFiles({
        id: file.id,
        status: "done",
        barcode,
        kit_id: kit.id,
        report_id: report.id,
        timings,
      })
      return new StepResponse<IngestOutcome, string | null>(
        {
          status: "done",
          report_id: report.id,
          kit_id: kit.id,
          replayed: !!existing,
          kit_event_id: eventId,
        },
        null
      )
    } catch (error) {
      if (error instanceof Refusal) {
        await archive.updateReportBatchFiles({
          id: file.id,
          status: "failed",
          error_code: error.code,
          error_message: error.message,
          barcode: error.barcode,
          timings,
        })
        return new StepResponse<IngestOutcome, string | null>(
          { status: "failed", error_code: error.code },
          null
        )
      }
      // Unexpected (storage down, database hiccup): show it and let BullMQ retry.
      await archive.updateReportBatchFiles({
        id: file.id,
        status: "failed",
        error_code: "internal",
        error_message: "处理出错，系统将自动重试；多次失败请联系技术支持",
      })
      throw error
    }
  }
)

/**
 * Turns one staged PDF into a kit's report: decrypt, parse, find the barcode, match the
 * kit, record the report and move the kit to 报告已出. Replays are harmless: a finished
 * file is skipped and the same PDF is never recorded twice for a kit.
 */
export const ingestReportFileWorkflow = createWorkflow(
  "ingest-report-file",
  (input: { batch_file_id: string }) => {
    const outcome = ingestReportFileStep(input)
    // The member hears of the report once, when this file moved the kit to 报告已出.
    when({ outcome }, ({ outcome }) => outcome.status === "done" && !!outcome.kit_event_id).then(
      () => {
        emitEventStep({
          eventName: DomainEvent.KIT_STATUS_CHANGED,
          options: DOMAIN_EVENT_OPTIONS,
          data: transform({ outcome }, ({ outcome }): KitStatusChangedEvent => {
            const done = outcome as Extract<IngestOutcome, { status: "done" }>
            return { kit_id: done.kit_id, event_id: done.kit_event_id! }
          }),
        })
      }
    )
    return new WorkflowResponse(outcome)
  }
)
