import { readdirSync, readFileSync } from "fs"
import path from "path"
import { eventually } from "./commerce-api"

/** A text the stack's SMS stand-in accepted (support/sms-outbox.mjs). */
export type CaughtSms = {
  /** 11 digits, as Aliyun's PhoneNumbers carries it. */
  phone: string
  /** Commerce's template name: auth-code, escort-alert, … */
  template: string
  params: Record<string, string>
  receivedAt: string
}

function smsDir(): string {
  const dir = process.env.E2E_SMS_DIR
  if (!dir) {
    throw new Error(
      "E2E_SMS_DIR is not set: journeys that read texts need the stack the e2e setup starts " +
        "(commerce texting the Aliyun SMS stand-in, which writes into that folder)"
    )
  }
  return dir
}

const digits = (phone: string) => phone.replace(/^\+86/, "")

/** Every text to `phone` (+86 or 11 digits) with `template`, oldest first. */
export function textsTo(phone: string, template: string): CaughtSms[] {
  const dir = smsDir()
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CaughtSms)
    .filter((sms) => sms.phone === digits(phone) && sms.template === template)
}

/** Waits (up to a minute) for a text to `phone` with `template` received after `since`. */
export async function waitForText(phone: string, template: string, since: Date) {
  const texts = await eventually(
    async () => textsTo(phone, template).filter((sms) => Date.parse(sms.receivedAt) >= +since),
    (received) => received.length > 0
  )
  return texts[texts.length - 1]
}

/** The sign-in code last texted to `phone` after `since`. */
export async function waitForSignInCode(phone: string, since: Date): Promise<string> {
  const { params } = await waitForText(phone, "auth-code", since)
  if (!/^\d{6}$/.test(params.code ?? "")) {
    throw new Error(`the sign-in text has no 6-digit code: ${JSON.stringify(params)}`)
  }
  return params.code
}
