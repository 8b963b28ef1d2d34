import JSZip from "jszip"
import { sniffFileType } from "../files/sniff-file-type"

/** One report file as staff dropped it, or as it came out of a zip. */
export type ReportUploadEntry = { filename: string; bytes: Buffer }

export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024
/** A zip may hold a day's reports, not a zip bomb. */
export const MAX_ZIP_ENTRIES = 2000
export const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024

export class ReportUploadError extends Error {}

const isHidden = (path: string) =>
  path.split("/").some((part) => part.startsWith(".") || part === "__MACOSX")

/**
 * Turns the dropped files into report entries: zips are opened (folders flattened,
 * macOS metadata skipped), everything else is passed on to be checked one by one.
 */
export async function expandReportUpload(files: ReportUploadEntry[]): Promise<ReportUploadEntry[]> {
  const entries: ReportUploadEntry[] = []
  for (const file of files) {
    if (sniffFileType(file.bytes) !== "zip") {
      entries.push(file)
      continue
    }
    let zip: JSZip
    try {
      zip = await JSZip.loadAsync(file.bytes)
    } catch {
      throw new ReportUploadError(`压缩包“${file.filename}”无法打开，请重新打包后上传`)
    }
    const members = Object.values(zip.files).filter((entry) => !entry.dir && !isHidden(entry.name))
    if (members.length > MAX_ZIP_ENTRIES) {
      throw new ReportUploadError(
        `压缩包“${file.filename}”有 ${members.length} 个文件，一次最多 ${MAX_ZIP_ENTRIES} 个，请分批上传`
      )
    }
    let total = 0
    for (const member of members) {
      const bytes = await member.async("nodebuffer")
      total += bytes.length
      if (total > MAX_ZIP_TOTAL_BYTES) {
        throw new ReportUploadError(`压缩包“${file.filename}”解压后超过 1 GB，请分批上传`)
      }
      entries.push({ filename: member.name.split("/").pop() as string, bytes })
    }
  }
  return entries
}
