/** What the health archive accepts, the same limits commerce enforces. */
export const ARCHIVE_UPLOAD_LIMITS = {
  maxFiles: 10,
  maxBytes: 10 * 1024 * 1024,
  accept: "image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf",
}

const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
}
const ALLOWED = new Set(Object.values(BY_EXTENSION))

type FileFacts = { name: string; size: number; type: string }

/**
 * The file's type, from the browser or, when it does not know (no type, or the multipart
 * default application/octet-stream), from the name; null when refused.
 */
export function archiveUploadType(file: FileFacts): string | null {
  if (file.type && file.type !== "application/octet-stream") {
    return ALLOWED.has(file.type) ? file.type : null
  }
  const extension = file.name.split(".").pop()?.toLowerCase() ?? ""
  return BY_EXTENSION[extension] ?? null
}

/** Why a selection cannot be uploaded, in Chinese, or null when it can. */
export function archiveUploadProblem(files: FileFacts[]): string | null {
  if (files.length === 0) return "请选择要上传的照片或 PDF"
  if (files.length > ARCHIVE_UPLOAD_LIMITS.maxFiles) {
    return `一次最多上传 ${ARCHIVE_UPLOAD_LIMITS.maxFiles} 个文件`
  }
  for (const file of files) {
    if (!archiveUploadType(file)) return `「${file.name}」不是 JPG、PNG、WebP 图片或 PDF 文件`
    if (file.size === 0) return `「${file.name}」是空文件`
    if (file.size > ARCHIVE_UPLOAD_LIMITS.maxBytes) return `「${file.name}」超过 10 MB`
  }
  return null
}
