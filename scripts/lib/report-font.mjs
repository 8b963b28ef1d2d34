import { existsSync } from "node:fs"
import { aptInstall } from "./apt.mjs"
import { yellow } from "./log.mjs"

/** Where the web's 体质辨识 report PDF finds its CJK TrueType font (storefront/web/lib/env.ts). */
export const REPORT_CJK_FONT =
  process.env.REPORT_CJK_FONT || "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

/**
 * Debian's fonts-droid-fallback (Apache 2.0) for the report PDF, installed with apt when
 * missing and we are root. Without it the PDF route answers 503 and its tests fail.
 */
export function ensureReportFont() {
  if (existsSync(REPORT_CJK_FONT)) return true
  aptInstall(["fonts-droid-fallback"])
  if (existsSync(REPORT_CJK_FONT)) return true
  console.warn(
    yellow(
      `体质辨识报告 PDF 需要中文字体 ${REPORT_CJK_FONT}：sudo apt-get install fonts-droid-fallback（或设置 REPORT_CJK_FONT）`
    )
  )
  return false
}
