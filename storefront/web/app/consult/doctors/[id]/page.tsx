import { ApiError, formatCNY, type ConsultationSlot, type Doctor } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { consultations } from "@/lib/backends"
import { currentMember } from "@/lib/session"
import { askDoctor, bookDoctorSlot } from "../../_lib/consultation-actions"
import { AskForm } from "../../_components/ask-form"
import { BookSlotForm } from "../../_components/book-slot-form"

export const metadata: Metadata = { title: "医生主页" }
export const dynamic = "force-dynamic"

/** A doctor's page: profile, licence verified, prices, the 图文问诊 form and phone/video slots. */
export default async function DoctorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  let doctor: Doctor
  try {
    doctor = await consultations.doctor(id)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound()
    throw error
  }
  const session = await currentMember()
  const bySlot = Boolean(doctor.prices.phone || doctor.prices.video)
  // No slots shown beats no page: the listing failing leaves the 图文 form usable.
  const slots: ConsultationSlot[] | null =
    bySlot && doctor.on_duty ? await consultations.slots(doctor.id).catch(() => null) : []
  const path = `/consult/doctors/${encodeURIComponent(id)}`
  return (
    <section className="page" data-testid="consult-doctor">
      <h1>
        {doctor.name} <small>{doctor.title}</small>
      </h1>
      <p>{doctor.hospital}</p>
      {doctor.departments.length > 0 && <p>科室：{doctor.departments.join("、")}</p>}
      {doctor.specialties.length > 0 && <p>擅长：{doctor.specialties.join("、")}</p>}
      {doctor.introduction && <p>{doctor.introduction}</p>}
      <p className="hint">
        执业证已核验{doctor.license_number ? `（${doctor.license_number}）` : ""}
      </p>
      {doctor.prices.text ? (
        <p>
          图文问诊 <strong>{formatCNY(doctor.prices.text / 100)}</strong> ·
          医生未在承诺时间内回复将自动全额退款
        </p>
      ) : (
        <p className="hint">该医生暂未开通图文问诊</p>
      )}
      {!doctor.on_duty && <p className="hint">医生暂停接诊，请选择其他医生。</p>}
      {doctor.on_duty && doctor.prices.text ? (
        session ? (
          <AskForm doctorId={doctor.id} ask={askDoctor} />
        ) : (
          <Link
            href={`/account/sign-in?next=${encodeURIComponent(path)}`}
            className="button primary"
          >
            登录后提问
          </Link>
        )
      ) : null}
      {doctor.on_duty && bySlot && (
        <>
          <h2>电话 / 视频问诊</h2>
          {slots === null ? (
            <p className="error">号源暂时无法读取，请稍后刷新重试。</p>
          ) : session ? (
            <BookSlotForm
              doctorId={doctor.id}
              prices={{ phone: doctor.prices.phone, video: doctor.prices.video }}
              slots={slots}
              book={bookDoctorSlot}
            />
          ) : (
            <Link
              href={`/account/sign-in?next=${encodeURIComponent(path)}`}
              className="button primary"
            >
              登录后预约
            </Link>
          )}
        </>
      )}
    </section>
  )
}
