/** A text message to one mainland mobile number, by template (SMS vendors require approved templates). */
export type SmsMessage = {
  /** +86 followed by 11 digits. */
  phone: string
  /** Our template name; each vendor maps it to its approved template id. */
  template:
    | "auth-code"
    | "kit-status"
    | "article"
    | "constitution-review"
    | "escort-alert"
    | "escort-credential"
    | "consultation-reminder"
    | "consultation-follow-up"
  params: Record<string, string>
}

export type SmsSendResult = { vendor: string; messageId: string }

/** One SMS vendor. Every vendor adapter implements this, so adding one changes nothing else. */
export interface SmsSender {
  readonly vendor: string
  send(message: SmsMessage): Promise<SmsSendResult>
}
