import { readFile } from "node:fs/promises"
import { env } from "./env"

/** The report PDF cannot be made: the server has no Chinese font where it looks for one. */
export class ReportFontMissingError extends Error {
  constructor(readonly path: string) {
    super(
      `CJK font for the report PDF not found at ${path} (apt-get install fonts-droid-fallback or set REPORT_CJK_FONT)`
    )
  }
}

let cached: { path: string; bytes: Promise<Uint8Array> } | undefined

/**
 * The CJK font's bytes (about 4 MB), read once per process. A missing file is not cached,
 * so installing the font later works without a restart.
 */
export function reportCjkFont(path = env.reportCjkFont): Promise<Uint8Array> {
  if (cached?.path !== path) {
    const bytes = readFile(path).then(
      (buffer) => new Uint8Array(buffer),
      () => {
        cached = undefined
        throw new ReportFontMissingError(path)
      }
    )
    cached = { path, bytes }
  }
  return cached.bytes
}
