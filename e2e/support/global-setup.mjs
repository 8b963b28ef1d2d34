// Starts the whole platform once for every journey, unless E2E_WEB_URL points at a running one.
import { bootStack } from "../../scripts/lib/stack.mjs"
import { ensureChromium } from "../../scripts/lib/chromium.mjs"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { startSmtpCatcher } from "./smtp-catcher.mjs"

export default async function globalSetup() {
  process.env.CHROMIUM_PATH = ensureChromium()
  if (process.env.E2E_WEB_URL) return
  // Commerce mails (password reset) to this SMTP server; journeys read the folder.
  const mailDir = mkdtempSync(path.join(tmpdir(), "e2e-mail-"))
  const smtp = await startSmtpCatcher(mailDir)
  globalThis.__E2E_SMTP__ = smtp
  process.env.E2E_MAIL_DIR = mailDir
  process.env.SMTP_HOST = "127.0.0.1"
  process.env.SMTP_PORT = String(smtp.port)
  process.env.EMAIL_FROM = "健康服务平台 <no-reply@health.local>"
  const stack = await bootStack({ mode: "test", echo: false })
  process.env.E2E_WEB_URL = stack.urls.web
  process.env.E2E_COMMERCE_URL = stack.urls.commerce
  process.env.E2E_CMS_URL = stack.urls.cms
  process.env.E2E_PUBLISHABLE_KEY = stack.publishableKey
  // The secrets are generated per machine: a second web server needs the same ones.
  process.env.E2E_WEB_ENV = JSON.stringify(stack.webEnv)
  // The production build the stack runs: a second web server starts from the same one.
  process.env.E2E_APP_ROOT = stack.appRoot
  process.env.E2E_MINIPROGRAM_H5_URL = stack.urls.miniprogramH5
  globalThis.__E2E_STACK_STARTED__ = true
}
