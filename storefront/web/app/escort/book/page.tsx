import {
  formatDateTime,
  loadEscortConsentTexts,
  peopleServable,
  type TestedPerson,
  type EscortHospital,
  type EscortService,
} from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { EscortBookingForm } from "@/components/escort/escort-booking-form"
import { cms, escort, healthArchive, optional } from "@/lib/backends"
import { bookEscort } from "@/lib/escort-actions"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "预约陪诊" }

/** 预约陪诊: the booking form for a signed-in member. */
export default async function EscortBookPage({
  searchParams,
}: {
  searchParams: Promise<{ service?: string }>
}) {
  const { token } = await requireMember("/escort/book")
  const { service } = await searchParams
  const services = await optional<EscortService[] | null>(() => escort.services(), null)
  // Without the catalogue the form still books: the member types the hospital in.
  const hospitals = await optional<EscortHospital[]>(() => escort.hospitals(), [])
  // The privacy policy and the three consents, at the versions the member accepts.
  const consents = await loadEscortConsentTexts((slug) => cms.getPage(slug))
  // The member's saved 就诊人; without them the form asks for a name and ID number.
  const persons = peopleServable(
    await optional<TestedPerson[]>(() => healthArchive.persons(token), [])
  )
  return (
    <section className="narrow" data-testid="escort-book-page">
      <h1>预约陪诊</h1>
      {services === null ? (
        <p className="form-error" role="alert">
          陪诊服务暂时无法加载，请稍后刷新重试
        </p>
      ) : services.length === 0 ? (
        <p className="muted">
          暂未开放陪诊服务。<Link href="/escort">返回陪诊服务</Link>
        </p>
      ) : (
        <EscortBookingForm
          services={services}
          hospitals={hospitals}
          consents={consents}
          persons={persons}
          book={bookEscort}
          today={formatDateTime(new Date()).slice(0, 10)}
          chosen={service}
        />
      )}
    </section>
  )
}
