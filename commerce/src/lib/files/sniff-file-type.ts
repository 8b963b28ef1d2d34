/** File kinds the health archive accepts, recognised by their first bytes, never by name. */
export type SniffedType = "pdf" | "zip" | "jpeg" | "png" | "webp"

export const MIME_TYPES: Record<SniffedType, string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
}

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte)

export function sniffFileType(bytes: Buffer): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf" // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip" // PK\3\4
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg"
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "webp"
  return null
}
