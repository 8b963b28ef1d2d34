import nodemailer, { type Transporter } from "nodemailer"
import type { Mailer, OutgoingEmail } from "./mailer"

export type SmtpSettings = {
  host: string
  port: number
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean
  user?: string
  password?: string
}

/** Sends over SMTP with nodemailer; one pooled transport per provider instance. */
export class SmtpMailer implements Mailer {
  readonly kind = "smtp"
  private readonly transport: Transporter

  constructor(settings: SmtpSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
      pool: true,
      // A stalled server must not hold a subscriber for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    })
  }

  async send(email: OutgoingEmail) {
    const info = await this.transport.sendMail(email)
    return { messageId: info.messageId }
  }

  close() {
    this.transport.close()
  }
}
