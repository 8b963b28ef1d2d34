/** Health archive (健康档案) shapes, as commerce's /store/health-archive routes answer them. */

import type { ConsentKind, PersonRelation, PersonSex } from "@health/contracts"

export type ArchiveAssessment = {
  id: string
  kind: "constitution"
  /** Constitution code, e.g. "qixu". */
  primary: string
  primary_label?: string
  created_at: string
}

export type NewTestedPerson = {
  relation: PersonRelation
  name: string
  sex: PersonSex
  birth_date: string
}

/** The body of POST /kits/activate: an earlier person by id, or a new one, never both. */
export type KitActivation = {
  barcode: string
  consents: { kind: ConsentKind; version: string }[]
} & ({ person_id: string; person?: never } | { person: NewTestedPerson; person_id?: never })
