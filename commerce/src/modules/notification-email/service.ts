import type { Logger, ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { EmailProviderOptions } from "./email-settings-from-env"
import { LogMailer } from "./log-mailer"
import type { Mailer } from "./mailer"
import { SmtpMailer } from "./smtp-mailer"

const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

/**
 * The `email` channel of Medusa's Notification Module, over SMTP (nodemailer) or, in
 * development, the log. Callers render the mail (subject, text, html) from the zh-CN
 * templates and pass it as `content`: the module stores `data` in its notification table,
 * which staff can read, so secrets such as reset links never go into `data`.
 */
export class EmailNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-email"

  private readonly mailer: Mailer
  private readonly from: string

  static validateOptions(options: Record<string, unknown>) {
    const { from, transport } = options as Partial<EmailProviderOptions>
    if (typeof from !== "string" || !from.trim()) {
      throw new Error("notification-email: options.from (the sender address) is required")
    }
    if (transport?.kind !== "smtp" && transport?.kind !== "log") {
      throw new Error("notification-email: options.transport must be smtp or log")
    }
  }

  constructor({ logger }: { logger: Logger }, options: EmailProviderOptions) {
    super()
    this.from = options.from
    this.mailer =
      options.transport.kind === "smtp"
        ? new SmtpMailer(options.transport.smtp)
        : new LogMailer((line) => logger.info(line))
  }

  async send(notification: ProviderSendNotificationDTO) {
    const { to, content } = notification
    if (!EMAIL_ADDRESS.test(to ?? "")) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `邮件收件人地址无效：${to}`)
    }
    if (!content?.subject || !content.text) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `邮件 ${notification.template} 缺少主题或正文（content.subject / content.text）`
      )
    }
    const { messageId } = await this.mailer.send({
      from: notification.from?.trim() || this.from,
      to,
      subject: content.subject,
      text: content.text,
      html: content.html,
    })
    return { id: messageId }
  }
}
