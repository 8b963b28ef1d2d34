/** One email, with both parts: every mail client shows one of them. */
export type OutgoingEmail = {
  from: string
  to: string
  subject: string
  text: string
  html?: string
}

/** Where an email goes: an SMTP server, or (development) the log. */
export interface Mailer {
  readonly kind: string
  send(email: OutgoingEmail): Promise<{ messageId: string }>
}
