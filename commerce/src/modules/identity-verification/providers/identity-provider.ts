/** What a 实名认证 provider is asked: the person's name and ID number, optionally a face match. */
export type IdentityCheck = {
  name: string
  id_number: string
  /** A token from the provider's face-capture SDK (活体人脸核身), when the client did one. */
  face_token?: string | null
}

/**
 * The provider's answer. `match`: name and ID number belong together (and the face, when
 * asked); `mismatch`: they do not; `invalid`: the provider refuses the input itself (an ID
 * number that cannot exist, a malformed name); `unavailable`: the provider could not decide
 * now (its registry is down, a quota is reached), ask again later.
 */
export type IdentityOutcome = "match" | "mismatch" | "invalid" | "unavailable"

export type IdentityAnswer = {
  outcome: IdentityOutcome
  /** The provider's own result code and words, kept with the record for support. */
  code: string
  description: string
  request_id: string | null
}

/** A 实名认证 provider: Tencent Cloud FaceID in production, its local stand-in elsewhere. */
export interface IdentityProvider {
  readonly id: string
  verify(check: IdentityCheck): Promise<IdentityAnswer>
}
