/** A middle number (X) bound between two phones: calls to X from A reach B and back. */
export type PrivacyBinding = { subs_id: string; secret_no: string }

/** One call through a binding, as the provider reports it after the call. */
export type PrivacyCallRecord = {
  call_id: string
  subs_id: string
  secret_no: string
  /** Our id given at binding time (the consultation). */
  out_id: string | null
  call_type: "outgoing" | "incoming" | "other"
  start_time: string | null
  release_time: string | null
  duration_seconds: number
  release_cause: string | null
}

/**
 * 号码隐私保护: neither side sees the other's number, both dial the middle number. Every vendor
 * adapter implements this, so adding one changes nothing else.
 */
export interface PrivacyNumberProvider {
  readonly vendor: string
  /** AXB: A and B (+86 mainland mobiles) talk through X until `expires_at`. */
  bindAxb(input: {
    phone_a: string
    phone_b: string
    expires_at: Date
    out_id: string
  }): Promise<PrivacyBinding>
  unbind(binding: PrivacyBinding): Promise<void>
}
