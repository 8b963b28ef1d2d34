// Starts the whole platform once for every journey, unless E2E_WEB_URL points at a running one.
import { bootStack } from "../../scripts/lib/stack.mjs"
import { ensureChromium } from "../../scripts/lib/chromium.mjs"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { startSmsOutbox } from "./sms-outbox.mjs"
import { startSmtpCatcher } from "./smtp-catcher.mjs"

/** The on-duty 陪诊 staff's mobile: anomaly alerts are texted to it (ESCORT_ONDUTY_PHONES). */
const ESCORT_ON_DUTY_PHONE = "+8613800138000"

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
  // Texts (sign-in codes, alerts) go through commerce's Aliyun sender to the stand-in, unless
  // a real gateway is configured; journeys read them from the folder (sms-inbox.ts).
  if (!process.env.SMS_PROVIDER) {
    const smsDir = mkdtempSync(path.join(tmpdir(), "e2e-sms-"))
    const sms = await startSmsOutbox(smsDir)
    globalThis.__E2E_SMS__ = sms
    Object.assign(process.env, sms.env)
    process.env.E2E_SMS_DIR = smsDir
    process.env.ESCORT_ONDUTY_PHONES ||= ESCORT_ON_DUTY_PHONE
  }
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
  // For test-only seeding that moves rows in time (finance-last-month.ts).
  process.env.E2E_COMMERCE_DATABASE_URL = stack.databaseUrls.commerce
  globalThis.__E2E_STACK_STARTED__ = true
}
