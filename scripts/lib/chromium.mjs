import { existsSync } from "node:fs"
import { spawnSync } from "node:child_process"
import { aptInstall } from "./apt.mjs"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

function hasChineseFont() {
  const result = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" })
  return result.status === 0 && result.stdout.trim().length > 0
}

/** Debian's Chromium for browser tests; installed with apt when missing and we are root. */
export function ensureChromium() {
  // Screenshots of a Chinese UI need a CJK font, or every character is a box.
  if (existsSync(CHROMIUM_PATH) && hasChineseFont()) return CHROMIUM_PATH
  aptInstall(["chromium", "fonts-noto-cjk"])
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      "需要 Chromium 运行浏览器测试：sudo apt-get install chromium（或设置 CHROMIUM_PATH）"
    )
  }
  return CHROMIUM_PATH
}
