import type { CollectionAppointmentChoice } from "@health/core"
import {
  COLLECTION_SIGN_IN_PROBLEM,
  readCollectionPick,
} from "@health/core/appointments/collection-pick"

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
