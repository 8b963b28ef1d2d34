// The e2e stack's SMS gateway: the Aliyun SMS stand-in (the production tests' own, speaking
// Dysmsapi SendSms with its signature checks) on 127.0.0.1, which commerce texts through its
// real Aliyun sender. Each accepted text is written as one JSON file into a folder, where
// journeys (another module context) read the codes (sms-inbox.ts), as mail goes to mailbox.ts.
import { randomBytes } from "node:crypto"
import { mkdirSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"

/** Our template names (commerce's SmsMessage) → the template codes this gateway approves. */
const TEMPLATES = {
  "auth-code": "SMS_900000001",
  "kit-status": "SMS_900000002",
  article: "SMS_900000003",
  "constitution-review": "SMS_900000004",
  "escort-alert": "SMS_900000005",
  "escort-credential": "SMS_900000006",
}

/**
 * Starts the stand-in and answers it with the environment that points commerce at it. Call
 * while Jest runs the global setup: Jest then transpiles the TypeScript required here.
 */
export async function startSmsOutbox(smsDir) {
  mkdirSync(smsDir, { recursive: true })
  const require = createRequire(import.meta.url)
  const { startAliyunSmsStandin } = require("../production/support/aliyun-sms-standin.ts")
  const credentials = {
    accessKeyId: "LTAI-e2e-stack",
    accessKeySecret: randomBytes(18).toString("base64url"),
    signName: "健康服务平台",
    templateCodes: Object.values(TEMPLATES),
  }
  const templateOf = Object.fromEntries(
    Object.entries(TEMPLATES).map(([name, code]) => [code, name])
  )
  let received = 0
  const standin = await startAliyunSmsStandin(credentials, 0, (sms) => {
    received += 1
    const text = {
      phone: sms.phone,
      template: templateOf[sms.templateCode] ?? sms.templateCode,
      params: sms.params,
      receivedAt: sms.receivedAt.toISOString(),
    }
    const name = `${Date.now()}-${String(received).padStart(4, "0")}.json`
    writeFileSync(path.join(smsDir, name), JSON.stringify(text, null, 2))
  })
  return {
    env: {
      SMS_PROVIDER: "aliyun",
      SMS_ALIYUN_ENDPOINT: standin.endpoint,
      SMS_ALIYUN_ACCESS_KEY_ID: credentials.accessKeyId,
      SMS_ALIYUN_ACCESS_KEY_SECRET: credentials.accessKeySecret,
      SMS_ALIYUN_SIGN_NAME: credentials.signName,
      SMS_ALIYUN_TEMPLATE_AUTH_CODE: TEMPLATES["auth-code"],
      SMS_ALIYUN_TEMPLATE_KIT_STATUS: TEMPLATES["kit-status"],
      SMS_ALIYUN_TEMPLATE_ARTICLE: TEMPLATES.article,
      SMS_ALIYUN_TEMPLATE_CONSTITUTION_REVIEW: TEMPLATES["constitution-review"],
      SMS_ALIYUN_TEMPLATE_ESCORT_ALERT: TEMPLATES["escort-alert"],
      SMS_ALIYUN_TEMPLATE_ESCORT_CREDENTIAL: TEMPLATES["escort-credential"],
    },
    stop: () => standin.stop(),
  }
}
