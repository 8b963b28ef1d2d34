import { SmtpInbox } from "../../../../integration-tests/helpers/smtp-inbox"
import { emailSettingsFromEnv, type EmailProviderOptions } from "../email-settings-from-env"
import { EmailNotificationProviderService } from "../service"

/** The container's part the provider uses: a logger that keeps its lines. */
const container = () => {
  const lines: string[] = []
  return { lines, logger: { info: (line: string) => lines.push(line) } as never }
}

const content = {
  subject: "重置您的健康服务平台登录密码",
  text: "您好：\n请打开 https://shop.example.com/account/reset-password?token=abc&email=a%40b.cn\n",
  html: '<p>您好：<a href="https://shop.example.com/account/reset-password?token=abc&amp;email=a%40b.cn">设置新密码</a></p>',
}

describe("email notification provider", () => {
  let inbox: SmtpInbox
  let provider: EmailNotificationProviderService

  beforeAll(async () => {
    inbox = await SmtpInbox.start()
    const options: EmailProviderOptions = {
      from: "健康服务平台 <no-reply@shop.example.com>",
      transport: { kind: "smtp", smtp: { host: "127.0.0.1", port: inbox.port, secure: false } },
    }
    provider = new EmailNotificationProviderService(container(), options)
  })
  afterAll(async () => {
    ;(provider as unknown as { mailer: { close(): void } }).mailer.close()
    await inbox.close()
  })

  it("sends the mail over SMTP with its sender, recipient, subject, text and HTML", async () => {
    const result = await provider.send({
      to: "member@example.com",
      channel: "email",
      template: "password-reset",
      content,
    })
    expect(result.id).toMatch(/@/)
    const mail = await inbox.waitFor("member@example.com")
    expect(mail.from).toBe('"健康服务平台" <no-reply@shop.example.com>')
    expect(mail.to).toEqual(["member@example.com"])
    expect(mail.subject).toBe(content.subject)
    expect(mail.text.trim()).toBe(content.text.trim())
    expect(mail.html).toBe(content.html)
  })

  it("uses the notification's own sender when it names one", async () => {
    await provider.send({
      to: "staff@example.com",
      from: "客服 <service@shop.example.com>",
      channel: "email",
      template: "password-reset",
      content: { subject: "主题", text: "正文" },
    })
    const mail = await inbox.waitFor("staff@example.com")
    expect(mail.from).toBe('"客服" <service@shop.example.com>')
    expect(mail.text.trim()).toBe("正文")
    expect(mail.html).toBe("")
  })

  it("refuses a mail without subject or text, or to something that is not an address", async () => {
    await expect(
      provider.send({ to: "a@example.com", channel: "email", template: "x", data: {} })
    ).rejects.toThrow("缺少主题或正文")
    await expect(
      provider.send({ to: "+8613800000000", channel: "email", template: "x", content })
    ).rejects.toThrow("邮件收件人地址无效")
    expect(inbox.to("a@example.com")).toHaveLength(0)
  })

  it("writes the mail to the log instead when the transport is the log", async () => {
    const { lines, logger } = container()
    const logOnly = new EmailNotificationProviderService(
      { logger },
      {
        from: "健康服务平台 <no-reply@health.local>",
        transport: { kind: "log" },
      }
    )
    const before = inbox.mails.length
    const { id } = await logOnly.send({
      to: "dev@example.com",
      channel: "email",
      template: "password-reset",
      content,
    })
    expect(id).toBeTruthy()
    expect(lines).toEqual([`[email:log] ${content.subject} → dev@example.com\n${content.text}`])
    expect(inbox.mails.length).toBe(before)
  })

  it("refuses options without a sender or transport", () => {
    expect(() => EmailNotificationProviderService.validateOptions({})).toThrow("options.from")
    expect(() =>
      EmailNotificationProviderService.validateOptions({ from: "a@b.cn", transport: {} })
    ).toThrow("smtp or log")
    expect(() =>
      EmailNotificationProviderService.validateOptions({
        from: "a@b.cn",
        transport: { kind: "log" },
      })
    ).not.toThrow()
  })
})

describe("email settings from the environment", () => {
  it("writes to the log outside production when no SMTP server is set", () => {
    expect(emailSettingsFromEnv({ NODE_ENV: "development" })).toEqual({
      from: "健康服务平台 <no-reply@health.local>",
      transport: { kind: "log" },
    })
  })

  it("refuses to start production without SMTP unless the log is asked for by name", () => {
    expect(() => emailSettingsFromEnv({ NODE_ENV: "production" })).toThrow("SMTP_HOST is not set")
    expect(
      emailSettingsFromEnv({ NODE_ENV: "production", EMAIL_PROVIDER: "log" }).transport
    ).toEqual({ kind: "log" })
  })

  it("sends over SMTP when SMTP_HOST is set: port 587 with STARTTLS, 465 with TLS", () => {
    expect(
      emailSettingsFromEnv({
        NODE_ENV: "production",
        SMTP_HOST: "smtp.example.com",
        SMTP_USER: "mailer",
        SMTP_PASSWORD: "secret",
        EMAIL_FROM: "健康服务平台 <no-reply@example.com>",
      })
    ).toEqual({
      from: "健康服务平台 <no-reply@example.com>",
      transport: {
        kind: "smtp",
        smtp: {
          host: "smtp.example.com",
          port: 587,
          secure: false,
          user: "mailer",
          password: "secret",
        },
      },
    })
    const tls = emailSettingsFromEnv({ SMTP_HOST: "smtp.example.com", SMTP_PORT: "465" })
    expect(tls.transport).toMatchObject({ smtp: { port: 465, secure: true, user: undefined } })
  })

  it("names what is wrong with SMTP settings", () => {
    expect(() =>
      emailSettingsFromEnv({ NODE_ENV: "production", SMTP_HOST: "smtp.example.com" })
    ).toThrow("EMAIL_FROM is not set")
    expect(() => emailSettingsFromEnv({ EMAIL_PROVIDER: "smtp" })).toThrow("needs SMTP_HOST")
    expect(() => emailSettingsFromEnv({ SMTP_HOST: "smtp.example.com", SMTP_PORT: "x" })).toThrow(
      'SMTP_PORT "x" is not a port number'
    )
    expect(() => emailSettingsFromEnv({ EMAIL_PROVIDER: "sendgrid" })).toThrow(
      'EMAIL_PROVIDER "sendgrid" is not supported'
    )
  })
})
