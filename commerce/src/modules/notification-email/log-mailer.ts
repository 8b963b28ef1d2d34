import { randomUUID } from "crypto"
import type { Mailer, OutgoingEmail } from "./mailer"

/**
 * Development mailer: writes the mail's text part to the log instead of sending it, so a
 * developer without an SMTP server can still follow a password-reset link.
 */
export class LogMailer implements Mailer {
  readonly kind = "log"

  constructor(private readonly log: (line: string) => void = (line) => console.info(line)) {}

  async send(email: OutgoingEmail) {
    this.log(`[email:log] ${email.subject} → ${email.to}\n${email.text}`)
    return { messageId: randomUUID() }
  }
}
