/**
 * Content the CMS publishes that commerce reads too (it books appointments at collection
 * sites and signs members up for clinic sessions): Strapi 5's shapes, as both sides read them.
 */

/** A collection site (采集点). */
export type CollectionSite = {
  documentId: string
  name: string
  slug: string
  city: string
  district?: string | null
  address: string
  latitude?: number | string | null
  longitude?: number | string | null
  phone?: string | null
  hours?: string | null
  services?: string[] | null
  capacity_per_slot?: number | null
  active: boolean
}

/** A published offline clinic session (线下义诊); members sign up through commerce. */
export type ClinicSession = {
  documentId: string
  title: string
  starts_at: string
  ends_at?: string | null
  place?: string | null
  capacity?: number | null
  description?: string | null
  expert?: { documentId: string; name: string; title?: string | null } | null
}
