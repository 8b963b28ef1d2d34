import { readFile } from "node:fs/promises"

/**
 * The CJK TrueType font the statement PDF sets its Chinese in: the one the web's 体质辨识
 * report uses (REPORT_CJK_FONT, by default Debian's fonts-droid-fallback, which `npm start`
 * and `npm test` install; see scripts/lib/report-font.mjs). Read from disk once; never
 * downloaded. Null when the file is missing.
 */
export const STATEMENT_CJK_FONT =
  process.env.REPORT_CJK_FONT || "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

let font: Promise<Uint8Array | null> | undefined

export function statementFont(): Promise<Uint8Array | null> {
  font ??= readFile(STATEMENT_CJK_FONT).then(
    (bytes) => new Uint8Array(bytes),
    () => {
      font = undefined // installed later: try again on the next download
      return null
    }
  )
  return font
}
