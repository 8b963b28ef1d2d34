import { readFile } from "node:fs/promises"

/**
 * The CJK TrueType font the PDFs (分销对账单, 检测评估报告) set their Chinese in: the one the web's 体质辨识
 * report uses (REPORT_CJK_FONT, by default Debian's fonts-droid-fallback, which `npm start`
 * and `npm test` install; see scripts/lib/report-font.mjs). Read from disk once; never
 * downloaded. Null when the file is missing.
 */
export const CJK_FONT_PATH =
  process.env.REPORT_CJK_FONT || "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

let font: Promise<Uint8Array | null> | undefined

export function cjkFont(): Promise<Uint8Array | null> {
  font ??= readFile(CJK_FONT_PATH).then(
    (bytes) => new Uint8Array(bytes),
    () => {
      font = undefined // installed later: try again on the next download
      return null
    }
  )
  return font
}
