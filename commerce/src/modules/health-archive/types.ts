import type {
  ActorType,
  ArchiveUpload,
  Consent,
  ConsentKind,
  Kit,
  KitReport,
  KitStatus,
  PersonRelation,
  TestedPerson,
} from "@health/contracts"

export type { ActorType }
export type Relation = PersonRelation
export type { ConsentKind }

// The relations' words are the ones the activation forms offer.
export { RELATION_LABELS } from "@health/contracts"

// The consents' names, as the activation forms show them.
export { CONSENT_KIND_LABELS } from "@health/contracts"

export type PersonDetails = { name: string; sex: "female" | "male"; birth_date: string }
export type PersonView = TestedPerson

export type NewKitLine = {
  line_item_id: string
  product_title: string
  variant_title?: string | null
  units: number
}

export type KitRow = {
  id: string
  customer_id: string
  order_id: string
  order_display_id: number | null
  line_item_id: string
  unit_index: number
  product_title: string
  variant_title: string | null
  collection_method: "mail_in" | "on_site"
  barcode: string | null
  status: KitStatus
  person_id: string | null
  tracking_carrier: string | null
  tracking_number: string | null
  rejection_reason: string | null
  activated_at: Date | string | null
  created_at: Date | string
}

/** What the store answers (@health/contracts' Kit), with whose it is and why a sample was refused. */
export type KitView = Kit & { customer_id: string; rejection_reason: string | null }

export type ConsentView = Consent

/** What the parser keeps of a report's text: enough to show, not the whole report. */
export type ReportSummary = { excerpt: string; pages: number }

export type ReportView = KitReport

export type UploadView = ArchiveUpload
