import { createHash } from "crypto"
import type { IFileModuleService } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { sniffFileType } from "../files/sniff-file-type"
import { SealedFileStore } from "../health-files/sealed-file-store"
import {
  expandReportUpload,
  MAX_REPORT_FILE_BYTES,
  ReportUploadError,
  type ReportUploadEntry,
} from "./expand-report-upload"
import type { ReportReading } from "./report-reading"

const MAX_WRITES_IN_FLIGHT = 8

export type StagedReportFile = {
  filename: string
  size: number
  status: "queued" | "failed"
  error_code: string | null
  error_message: string | null
  file_id: string | null
  key_id: string | null
  sha256: string | null
  /** What the PDF says: null here, the worker reads it (see ingest-report-files). */
  reading: ReportReading | null
  timings: Record<string, number> | null
}

/**
 * Checks each dropped file (size, PDF by content) and stores each PDF encrypted, once, so
 * the upload can answer before any PDF is read: a report's plain bytes never rest on disk or
 * in Redis while they wait for a worker. Reading them (text, barcode, findings) is the
 * ingestion job's, which opens each file once.
 */
export async function stageReportUpload(
  fileModule: IFileModuleService,
  files: ReportUploadEntry[]
): Promise<StagedReportFile[]> {
  let entries: ReportUploadEntry[]
  try {
    entries = await expandReportUpload(files)
  } catch (error) {
    if (error instanceof ReportUploadError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    }
    throw error
  }
  if (!entries.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "没有可上传的文件：请选择 PDF 报告或其压缩包"
    )
  }
  const store = new SealedFileStore(fileModule)
  const staged: StagedReportFile[] = []
  const failed = (entry: ReportUploadEntry, code: string, message: string): StagedReportFile => ({
    filename: entry.filename,
    size: entry.bytes.length,
    status: "failed",
    error_code: code,
    error_message: message,
    file_id: null,
    key_id: null,
    sha256: null,
    reading: null,
    timings: null,
  })
  // Storing waits on disk or the network, not the CPU: a few writes run while the next
  // PDFs are hashed and encrypted.
  const storing = new Set<Promise<void>>()
  const stage = (file: StagedReportFile, bytes: Buffer) => {
    const write: Promise<void> = store.put(bytes).then((stored) => {
      file.file_id = stored.file_id
      file.key_id = stored.key_id
      file.timings = { ...file.timings, ...stored.timings }
      storing.delete(write)
    })
    // Handled where the loop awaits the writes; this keeps a failure meanwhile from being
    // reported as unhandled.
    write.catch(() => undefined)
    storing.add(write)
  }
  try {
    for (const entry of entries) {
      if (entry.bytes.length > MAX_REPORT_FILE_BYTES) {
        staged.push(failed(entry, "too_large", "文件超过 20 MB，请压缩后重新上传"))
        continue
      }
      if (sniffFileType(entry.bytes) !== "pdf") {
        staged.push(failed(entry, "not_pdf", "不是 PDF 文件（按文件内容识别），已跳过"))
        continue
      }
      const file: StagedReportFile = {
        filename: entry.filename,
        size: entry.bytes.length,
        status: "queued",
        error_code: null,
        error_message: null,
        file_id: null,
        key_id: null,
        sha256: createHash("sha256").update(entry.bytes).digest("hex"),
        reading: null,
        timings: null,
      }
      staged.push(file)
      stage(file, entry.bytes)
      if (storing.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(storing)
    }
    await Promise.all(storing)
  } catch (error) {
    await Promise.allSettled(storing)
    await store.remove(staged.map((file) => file.file_id).filter(Boolean) as string[])
    throw error
  }
  return staged
}
