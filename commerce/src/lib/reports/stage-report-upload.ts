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

export type StagedReportFile = {
  filename: string
  size: number
  status: "queued" | "failed"
  error_code: string | null
  error_message: string | null
  file_id: string | null
  key_id: string | null
  sha256: string | null
  timings: Record<string, number> | null
}

/**
 * Checks each dropped file and stores the PDFs encrypted at once, so a report's plain
 * bytes never rest on disk or in Redis while they wait for a worker.
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
    timings: null,
  })
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
      const sha256 = createHash("sha256").update(entry.bytes).digest("hex")
      const stored = await store.put(entry.bytes)
      staged.push({
        filename: entry.filename,
        size: entry.bytes.length,
        status: "queued",
        error_code: null,
        error_message: null,
        file_id: stored.file_id,
        key_id: stored.key_id,
        sha256,
        timings: stored.timings,
      })
    }
  } catch (error) {
    await store.remove(staged.map((file) => file.file_id).filter(Boolean) as string[])
    throw error
  }
  return staged
}
