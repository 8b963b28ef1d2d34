/**
 * What checkout writes into cart and line metadata and commerce reads back when the order
 * is placed (Medusa copies a cart's and its lines' metadata onto the order).
 */

/** The cart (and order) metadata key where checkout keeps the chosen collection slot. */
export const COLLECTION_APPOINTMENT_KEY = "collection_appointment"

/** Line metadata keys where checkout keeps each gene-test line's test method. */
export const TEST_METHOD_KEY = "test_method"
export const LINE_COLLECTION_KEY = "collection"

/** The shipping option type code of 采集点现场采集 (commerce's seed). */
export const ON_SITE_COLLECTION_CODE = "on-site-collection"

/** How the sample of one gene-test line is taken: a kit by post, or at a collection site. */
export type TestMethod = "mail_in" | "on_site"

export const TEST_METHOD_LABELS: Record<TestMethod, string> = {
  mail_in: "寄送采样盒",
  on_site: "采集点现场采集",
}

/** A collection site, day and slot chosen at checkout for on-site collection (现场采集). */
export type CollectionAppointmentChoice = {
  /** The CMS collection site's documentId. */
  site_id: string
  /** Beijing calendar day, YYYY-MM-DD. */
  date: string
  /** "09:00-10:00" */
  slot: string
  /** The site's name when chosen, for pages that show the choice without asking the CMS. */
  site_name?: string | null
}
