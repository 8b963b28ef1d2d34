import { listEscortServices, type EscortService } from "../../escort/escort-services"
import {
  mentions,
  shortSummary,
  type PushContent,
  type PushContentSource,
  yuanText,
} from "./push-content-types"

const asContent = (service: EscortService): PushContent => ({
  ref: service.id,
  title: service.title,
  summary: shortSummary(
    `${yuanText(service.price_fen)} / ${service.duration_hours} 小时内，${service.description}`
  ),
  link: `/escort/book?service=${encodeURIComponent(service.id)}`,
  image: null,
})

/** The bookable 陪诊 services (published 陪诊服务 products), cheapest first. */
export const escortServiceContent: PushContentSource = {
  async search(container, q, limit) {
    const services = await listEscortServices(container)
    return services
      .filter((s) => mentions(q.toLowerCase(), s.title, s.description, ...s.specialties))
      .slice(0, limit)
      .map(asContent)
  },

  async find(container, ref) {
    const service = (await listEscortServices(container)).find((s) => s.id === ref)
    return service ? asContent(service) : null
  },
}
