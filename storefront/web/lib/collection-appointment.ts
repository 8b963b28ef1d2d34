import type { CollectionAppointmentChoice } from "@health/core"
import {
  COLLECTION_SIGN_IN_PROBLEM,
  readCollectionPick,
} from "@health/core/appointments/collection-pick"
import type { LineTestInput } from "@health/core/commerce/checkout-types"

/** Form fields of the on-site collection picker at checkout. */
export const COLLECTION_FIELDS = {
  site: "collection_site_id",
  siteName: "collection_site_name",
  /** "YYYY-MM-DD HH:MM-HH:MM" */
  slot: "collection_slot",
} as const

/**
 * The site, day and slot the checkout form carries for on-site collection, or what is
 * missing. Only members can book, so a signed-out shopper is asked to sign in first.
 */
export function collectionChoiceFromForm(
  form: FormData,
  signedIn: boolean
): { choice: CollectionAppointmentChoice } | { problem: string } {
  if (!signedIn) return { problem: COLLECTION_SIGN_IN_PROBLEM }
  const read = (name: string) => String(form.get(name) ?? "")
  return readCollectionPick({
    siteId: read(COLLECTION_FIELDS.site),
    slot: read(COLLECTION_FIELDS.slot),
    siteName: read(COLLECTION_FIELDS.siteName),
  })
}

/** Form fields of one gene-test line's test method and, for on-site, its picker. */
export function lineFields(lineId: string) {
  return {
    method: `test_method:${lineId}`,
    site: `collection_site_id:${lineId}`,
    siteName: `collection_site_name:${lineId}`,
    slot: `collection_slot:${lineId}`,
  } as const
}

/**
 * Each gene-test line's test method as the form carries it (mail-in unless 采集点现场采集 is
 * picked), with the site and slot, or what is missing, for on-site lines.
 */
export function lineChoicesFromForm(
  form: FormData,
  lines: { id: string; quantity: number; title: string }[],
  signedIn: boolean
): LineTestInput[] {
  const read = (name: string) => String(form.get(name) ?? "")
  return lines.map((line) => {
    const fields = lineFields(line.id)
    if (read(fields.method) !== "on_site") return { line, method: "mail_in" }
    return {
      line,
      method: "on_site",
      collection: signedIn
        ? readCollectionPick({
            siteId: read(fields.site),
            slot: read(fields.slot),
            siteName: read(fields.siteName),
          })
        : { problem: COLLECTION_SIGN_IN_PROBLEM },
    }
  })
}
