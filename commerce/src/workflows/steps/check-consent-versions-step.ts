import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { publishedConsentPages } from "../../lib/cms/consent-page-versions"
import {
  consentVersionRefusal,
  type ConsentDocument,
} from "../../lib/privacy/consent-version-refusal"

export type CheckConsentVersionsInput = {
  documents: ConsentDocument[]
  consents: { kind: string; version: string }[]
}

/**
 * The versions accepted are the ones the CMS publishes now (个人信息保护法 art. 14: consent to
 * the text in force). A mismatch is read again past the short cache before it is refused with
 * a 409 naming the documents; a CMS that does not answer refuses with a 503.
 */
export const checkConsentVersionsStep = createStep(
  "check-consent-versions",
  async (input: CheckConsentVersionsInput) => {
    const slugs = input.documents.map((document) => document.slug)
    let refusal = consentVersionRefusal(
      input.documents,
      input.consents,
      await publishedConsentPages(slugs)
    )
    if (refusal) {
      refusal = consentVersionRefusal(
        input.documents,
        input.consents,
        await publishedConsentPages(slugs, { fresh: true })
      )
    }
    if (refusal) throw new MedusaError(MedusaError.Types.CONFLICT, refusal.message)
    return new StepResponse(null)
  }
)
