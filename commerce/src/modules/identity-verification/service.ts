import { MedusaService } from "@medusajs/framework/utils"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { maskCnIdNumber } from "../escort/rules/cn-id-number"
import { IdentityVerification } from "./models/identity-verification"
import type {
  IdentityCheck,
  IdentityOutcome,
  IdentityProvider,
} from "./providers/identity-provider"
import { identityProviderFromEnv } from "./providers/identity-provider-from-env"

export type IdentitySubject = {
  type: "escort_application" | "escort_booking_person"
  id: string
}

export type IdentityVerificationView = {
  id: string
  outcome: IdentityOutcome
  name: string
  id_number_masked: string
  provider: string
  description: string
  created_at: string
}

type Options = { provider?: IdentityProvider | null }

/**
 * 实名认证: asks the configured provider whether a name and an ID number belong together and
 * keeps every answer, the ID number sealed (AES-256-GCM, the health-data keys) and masked.
 */
class IdentityVerificationModuleService extends MedusaService({ IdentityVerification }) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()
  protected readonly provider: IdentityProvider | null

  constructor(container: Record<string, unknown>, options: Options = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.provider = options.provider !== undefined ? options.provider : identityProviderFromEnv()
  }

  /** Whether a provider is configured; without one nothing can be verified. */
  isConfigured(): boolean {
    return this.provider !== null
  }

  /** Asks the provider and records its answer; a failed call is recorded as unavailable. */
  async verifyIdentity(
    check: IdentityCheck,
    subject: IdentitySubject
  ): Promise<IdentityVerificationView> {
    if (!this.provider) throw new Error("No identity verification provider is configured")
    const idNumber = check.id_number.trim().toUpperCase()
    const name = check.name.trim()
    const answer = await this.provider
      .verify({ name, id_number: idNumber, face_token: check.face_token ?? null })
      .catch((error: Error) => ({
        outcome: "unavailable" as const,
        code: "error",
        description: error.message,
        request_id: null,
      }))
    const sealed = this.cipher.seal(idNumber)
    const row = await this.createIdentityVerifications({
      subject_type: subject.type,
      subject_id: subject.id,
      name,
      id_number_ciphertext: sealed.ciphertext,
      id_number_key_id: sealed.key_id,
      id_number_masked: maskCnIdNumber(idNumber),
      with_face: !!check.face_token,
      provider: this.provider.id,
      outcome: answer.outcome,
      provider_code: answer.code,
      provider_description: answer.description.slice(0, 500),
      provider_request_id: answer.request_id,
    })
    return present(row)
  }
}

const present = (row: {
  id: string
  outcome: IdentityOutcome
  name: string
  id_number_masked: string
  provider: string
  provider_description: string
  created_at: Date | string
}): IdentityVerificationView => ({
  id: row.id,
  outcome: row.outcome,
  name: row.name,
  id_number_masked: row.id_number_masked,
  provider: row.provider,
  description: row.provider_description,
  created_at: new Date(row.created_at).toISOString(),
})

export default IdentityVerificationModuleService
