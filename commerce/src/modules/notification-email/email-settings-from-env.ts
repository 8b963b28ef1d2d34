import type { SmtpSettings } from "./smtp-mailer"

/** The email provider's options as medusa-config passes them. */
export type EmailProviderOptions = {
  /** The sender, e.g. `健康服务平台 <no-reply@example.com>`. */
  from: string
  transport: { kind: "smtp"; smtp: SmtpSettings } | { kind: "log" }
}

const DEVELOPMENT_FROM = "健康服务平台 <no-reply@health.local>"

/**
 * EMAIL_PROVIDER=smtp (the default when SMTP_HOST is set) with SMTP_HOST, SMTP_PORT,
 * SMTP_SECURE, SMTP_USER, SMTP_PASSWORD and EMAIL_FROM; or EMAIL_PROVIDER=log, which writes
 * mails to the log (the default outside production). Production refuses to start without
 * SMTP unless the log is asked for by name: password-reset mails would silently go nowhere.
 */
export function emailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EmailProviderOptions {
  const production = env.NODE_ENV === "production"
  const host = env.SMTP_HOST?.trim()
  const kind = env.EMAIL_PROVIDER?.trim() || (host ? "smtp" : production ? "" : "log")
  const from = env.EMAIL_FROM?.trim()
  if (kind === "log") return { from: from || DEVELOPMENT_FROM, transport: { kind: "log" } }
  if (kind === "") {
    throw new Error(
      "SMTP_HOST is not set: production sends password-reset mail over SMTP " +
        "(set SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD and EMAIL_FROM, " +
        "or EMAIL_PROVIDER=log to write mails to the log instead)"
    )
  }
  if (kind !== "smtp") {
    throw new Error(`EMAIL_PROVIDER "${kind}" is not supported (use smtp or log)`)
  }
  if (!host) throw new Error("EMAIL_PROVIDER=smtp needs SMTP_HOST")
  if (production && !from) {
    throw new Error("EMAIL_FROM is not set: production mail needs a sender of its own domain")
  }
  const port = Number(env.SMTP_PORT?.trim() || 587)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`SMTP_PORT "${env.SMTP_PORT}" is not a port number`)
  }
  const secure = env.SMTP_SECURE?.trim() ? env.SMTP_SECURE.trim() === "true" : port === 465
  return {
    from: from || DEVELOPMENT_FROM,
    transport: {
      kind: "smtp",
      smtp: {
        host,
        port,
        secure,
        user: env.SMTP_USER?.trim() || undefined,
        password: env.SMTP_PASSWORD,
      },
    },
  }
}
