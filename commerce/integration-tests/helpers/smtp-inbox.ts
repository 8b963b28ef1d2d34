import type { AddressInfo } from "net"
import { simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { eventually } from "./eventually"

/** A mail as the recipient's client would show it: decoded headers and both parts. */
export type ReceivedMail = {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

/**
 * A real SMTP server on a free local port that keeps what it receives, so tests send
 * through nodemailer exactly as production does and read the result as a mail client would.
 * Plain SMTP without STARTTLS or authentication, like a local relay.
 */
export class SmtpInbox {
  private constructor(
    private readonly server: SMTPServer,
    readonly mails: ReceivedMail[]
  ) {}

  static async start(): Promise<SmtpInbox> {
    const mails: ReceivedMail[] = []
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push({
              from: parsed.from?.text ?? "",
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
            })
            callback()
          })
          .catch(callback)
      },
    })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(0, "127.0.0.1", () => resolve())
    })
    return new SmtpInbox(server, mails)
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port
  }

  /** The mails delivered to `address` so far, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address.toLowerCase()))
  }

  /** Waits until `address` has received `count` mails and returns the newest. */
  async waitFor(address: string, count = 1, timeoutMs = 30_000): Promise<ReceivedMail> {
    const mails = await eventually(
      async () => this.to(address),
      (received) => received.length >= count,
      timeoutMs
    )
    return mails[mails.length - 1]
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}
