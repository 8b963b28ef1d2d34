import { MedusaService } from "@medusajs/framework/utils"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { ConstitutionAssessment } from "./models/constitution-assessment"

export type ConstitutionAssessmentPayload = {
  sex: "female" | "male"
  answers: Record<string, number>
  scores: Record<string, number>
  verdicts: Record<string, string>
  primary: string
}

export type ConstitutionAssessmentView = ConstitutionAssessmentPayload & {
  id: string
  customer_id: string
  item_version: string
  created_at: Date
}

type StoredAssessment = {
  id: string
  customer_id: string
  item_version: string
  payload_ciphertext: string
  key_id: string
  created_at: Date | string
}

class HealthArchiveModuleService extends MedusaService({ ConstitutionAssessment }) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  async recordConstitutionAssessment(input: {
    customer_id: string
    item_version: string
    payload: ConstitutionAssessmentPayload
  }): Promise<ConstitutionAssessmentView> {
    const sealed = this.cipher.sealJson(input.payload)
    const stored = await this.createConstitutionAssessments({
      customer_id: input.customer_id,
      item_version: input.item_version,
      payload_ciphertext: sealed.ciphertext,
      key_id: sealed.key_id,
    })
    return this.reveal(stored as StoredAssessment)
  }

  /** A member's results, newest first, decrypted for that member. */
  async listConstitutionAssessmentsOf(customerId: string, { take = 20, skip = 0 } = {}) {
    const [rows, count] = await this.listAndCountConstitutionAssessments(
      { customer_id: customerId },
      { take, skip, order: { created_at: "DESC" } }
    )
    return { assessments: rows.map((row) => this.reveal(row as StoredAssessment)), count }
  }

  protected reveal(row: StoredAssessment): ConstitutionAssessmentView {
    const payload = this.cipher.openJson<ConstitutionAssessmentPayload>({
      key_id: row.key_id,
      ciphertext: row.payload_ciphertext,
    })
    return {
      id: row.id,
      customer_id: row.customer_id,
      item_version: row.item_version,
      created_at: new Date(row.created_at),
      ...payload,
    }
  }
}

export default HealthArchiveModuleService
