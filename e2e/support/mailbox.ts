import { readdirSync, readFileSync } from "fs"
import path from "path"
import { eventually } from "./commerce-api"

/** A mail the stack's SMTP catcher received (support/smtp-catcher.mjs). */
export type CaughtMail = {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  receivedAt: string
}

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR
  if (!dir) {
    throw new Error(
      "E2E_MAIL_DIR is not set: mail journeys need the stack the e2e setup starts " +
        "(or commerce's SMTP_HOST pointed at a catcher writing into that folder)"
    )
  }
  return dir
}

/** Every mail delivered to `address`, oldest first. */
export function mailsTo(address: string): CaughtMail[] {
  const dir = mailDir()
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CaughtMail)
    .filter((mail) => mail.to.includes(address.toLowerCase()))
}

/** Waits (up to a minute) for the `count`th mail to `address` and answers it. */
export async function waitForMail(address: string, count = 1): Promise<CaughtMail> {
  const mails = await eventually(
    async () => mailsTo(address),
    (received) => received.length >= count
  )
  return mails[count - 1]
}
