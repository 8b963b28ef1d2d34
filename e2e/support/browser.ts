import { mkdirSync } from "fs"
import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"

export const ARTIFACTS = path.join(__dirname, "..", "artifacts")

export function webUrl(pathname = "/"): string {
  return new URL(pathname, process.env.E2E_WEB_URL || "http://localhost:8000").toString()
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}
