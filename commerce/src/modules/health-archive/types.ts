import type {
  ActorType,
  ArchiveUpload,
  Consent,
  ConsentKind as KitConsentKind,
  Kit,
  KitReport,
  KitStatus,
  PersonRelation,
  ReportFinding,
  ReportFindings,
  TestedPerson,
} from "@health/contracts"
import { CONSENT_KIND_LABELS as KIT_CONSENT_KIND_LABELS } from "@health/contracts"
import { ESCORT_CONSENT_LABELS, type EscortConsentKind } from "./escort-consent-kinds"

export type { ActorType, ReportFinding, ReportFindings }
export { REPORT_FINDING_RISKS, REPORT_FINDING_RISK_LABELS } from "@health/contracts"
export type Relation = PersonRelation

/** A kit's consents (@health/contracts) and an escort booking's. */
export type ConsentKind = KitConsentKind | EscortConsentKind

// The relations' words are the ones the activation forms offer.
export { RELATION_LABELS } from "@health/contracts"

// The consents' names, as the activation and booking forms show them.
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  ...KIT_CONSENT_KIND_LABELS,
  ...ESCORT_CONSENT_LABELS,
}

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

export type ConsentView = Omit<Consent, "kind"> & {
  kind: ConsentKind
  /** The escort booking an escort consent belongs to; null for a kit's. */
  escort_booking_id: string | null
}

/** What the parser keeps of a report's text: enough to show, not the whole report. */
export type ReportSummary = { excerpt: string; pages: number }

export type ReportView = KitReport

export type UploadView = ArchiveUpload
