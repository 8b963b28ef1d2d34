import { randomUUID } from "crypto"
import type { SmsMessage, SmsSendResult, SmsSender } from "./sms-sender"

/**
 * Development sender: writes the message to the log instead of the phone network and
 * keeps the last messages in memory so tests and local sign-in can read the code.
 */
export class LogSmsSender implements SmsSender {
  readonly vendor = "log"
  static readonly outbox: (SmsMessage & { sentAt: Date })[] = []

  constructor(private readonly log: (line: string) => void = (line) => console.info(line)) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    LogSmsSender.outbox.push({ ...message, sentAt: new Date() })
    if (LogSmsSender.outbox.length > 100) LogSmsSender.outbox.shift()
    this.log(`[sms:log] ${message.template} → ${message.phone} ${JSON.stringify(message.params)}`)
    return { vendor: this.vendor, messageId: randomUUID() }
  }

  /** The latest message sent to a phone, for development tools and tests. */
  static latestTo(phone: string) {
    return [...LogSmsSender.outbox].reverse().find((message) => message.phone === phone)
  }
}
