import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MIME_TYPES, sniffFileType, type SniffedType } from "../../../lib/files/sniff-file-type"

/** What staff may upload to the public file store: pictures for products, and PDFs. */
const ACCEPTED: SniffedType[] = ["jpeg", "png", "webp", "pdf"]
const EXTENSIONS: Partial<Record<SniffedType, string>> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  pdf: "pdf",
}
const REFUSAL = "只能上传图片（JPG、PNG、WebP）或 PDF 文件"

type UploadedFile = { originalname: string; mimetype: string; buffer: Buffer }

/** The stem of a name as a file store may keep it: no folders, no markup, no extension. */
function safeStem(name: string) {
  const base = name.split(/[\\/]/).pop() ?? ""
  const stem = base.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}_-]+/gu, "-")
  return stem.replace(/^-+|-+$/g, "").slice(0, 80) || "file"
}

/**
 * `POST /admin/uploads` (Medusa's route) stores files under the commerce origin, the admin's
 * own: an HTML or SVG file there would run as the admin (stored XSS). Files are taken by
 * their content only, and their name and type are rewritten to what the content is, so the
 * file server can never serve them as anything else.
 */
export function acceptImagesAndPdfs(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const files = (req as MedusaRequest & { files?: UploadedFile[] }).files
  // Medusa's multer runs before this; without its result nothing may pass unchecked.
  if (!Array.isArray(files)) {
    res.status(400).json({ type: "invalid_data", message: `${REFUSAL}，请重新选择文件。` })
    return
  }
  for (const file of files) {
    const type = sniffFileType(file.buffer)
    if (!type || !ACCEPTED.includes(type)) {
      res.status(400).json({
        type: "invalid_data",
        message: `${REFUSAL}：「${safeStem(file.originalname)}」不是，未上传任何文件。`,
      })
      return
    }
    file.mimetype = MIME_TYPES[type]
    file.originalname = `${safeStem(file.originalname)}.${EXTENSIONS[type]}`
  }
  next()
}

/** Presigned uploads bypass the content check: only declared pictures and PDFs may ask. */
export function acceptDeclaredImagesAndPdfs(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const body = (req.body ?? {}) as { mime_type?: unknown; originalname?: unknown }
  const declared = typeof body.mime_type === "string" ? body.mime_type.toLowerCase() : ""
  const allowed = ACCEPTED.map((type) => MIME_TYPES[type])
  if (!allowed.includes(declared)) {
    res.status(400).json({ type: "invalid_data", message: `${REFUSAL}。` })
    return
  }
  if (typeof body.originalname === "string") {
    const type = ACCEPTED.find((one) => MIME_TYPES[one] === declared)!
    body.originalname = `${safeStem(body.originalname)}.${EXTENSIONS[type]}`
  }
  next()
}
