import { containsAny, readCms } from "./cms-content-request"
import { shortSummary, type PushContent, type PushContentSource } from "./push-content-types"

type CmsClinicSession = {
  documentId: string
  title?: string
  starts_at?: string
  place?: string | null
  description?: string | null
}

const when = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
})

const asContent = (session: CmsClinicSession): PushContent => {
  const start = session.starts_at ? new Date(session.starts_at) : null
  const heading = [start && !Number.isNaN(start.getTime()) ? when.format(start) : "", session.place]
    .filter(Boolean)
    .join(" · ")
  return {
    ref: session.documentId,
    title: session.title ?? "",
    summary: shortSummary([heading, session.description].filter(Boolean).join("，")),
    // The storefront lists sessions (and their sign-up) on the booking page.
    link: "/account/appointments/book#clinic",
    image: null,
  }
}

/** Clinic sessions (线下义诊) still to come, soonest first, by title or place. */
export const clinicSessionContent: PushContentSource = {
  async search(_container, q, limit) {
    const params = new URLSearchParams({
      "filters[starts_at][$gte]": new Date().toISOString(),
      sort: "starts_at:asc",
      "pagination[pageSize]": String(limit),
    })
    containsAny(params, q, ["title", "place"])
    return ((await readCms<CmsClinicSession[]>("/clinic-sessions", params)) ?? []).map(asContent)
  },

  async find(_container, ref) {
    const session = await readCms<CmsClinicSession>(`/clinic-sessions/${encodeURIComponent(ref)}`)
    return session ? asContent(session) : null
  },
}
