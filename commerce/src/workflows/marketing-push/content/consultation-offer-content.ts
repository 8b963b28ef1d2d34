import { CONSULTATION_MODULE } from "../../../modules/consultation"
import type ConsultationModuleService from "../../../modules/consultation/service"
import type { ConsultationMode, DoctorRow } from "../../../modules/consultation/types"
import {
  mentions,
  shortSummary,
  type PushContent,
  type PushContentSource,
  yuanText,
} from "./push-content-types"
import { PUSH_CONTENT_TEXT as T } from "./push-content.zh-CN"

const MODES: ConsultationMode[] = ["text", "phone", "video"]

/** The modes a doctor is offered in, with their prices ("图文问诊 ¥30"). */
const offers = (doctor: DoctorRow) =>
  MODES.filter((mode) => Number(doctor.prices?.[mode]) > 0).map(
    (mode) => `${T.consultationModes[mode]} ${yuanText(Number(doctor.prices[mode]))}`
  )

const asContent = (doctor: DoctorRow): PushContent => ({
  ref: doctor.id,
  title: [doctor.name, doctor.title].filter(Boolean).join(" "),
  summary: shortSummary([doctor.hospital, offers(doctor).join("、")].filter(Boolean).join("，")),
  link: `/consult/doctors/${encodeURIComponent(doctor.id)}`,
  image: doctor.photo_url,
})

/** Doctors members may consult: licence verified and at least one mode priced. */
async function offeredDoctors(container: Parameters<PushContentSource["find"]>[0]) {
  const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  return (await consultations.doctors()).filter((doctor) => offers(doctor).length > 0)
}

/** 问诊服务: verified doctors with their prices, on duty first. */
export const consultationOfferContent: PushContentSource = {
  async search(container, q, limit) {
    const needle = q.toLowerCase()
    return (await offeredDoctors(container))
      .filter((d) =>
        mentions(
          needle,
          d.name,
          d.title,
          d.hospital,
          ...(d.departments ?? []),
          ...(d.specialties ?? [])
        )
      )
      .slice(0, limit)
      .map(asContent)
  },

  async find(container, ref) {
    const doctor = (await offeredDoctors(container)).find((d) => d.id === ref)
    return doctor ? asContent(doctor) : null
  },
}
