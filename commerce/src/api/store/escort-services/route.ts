import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listEscortServices } from "../../../workflows/escort/escort-services"

/**
 * GET /store/escort-services: the 陪诊 services of the catalogue with their prices in fen,
 * how many hours the price covers, the hourly rate beyond it and the extras on offer.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const services = await listEscortServices(req.scope)
  res.json({
    services: services.map((service) => ({
      id: service.id,
      variant_id: service.variant_id,
      title: service.title,
      description: service.description,
      price_fen: service.price_fen,
      duration_hours: service.duration_hours,
      extra_hour_fen: service.extra_hour_fen,
      specialties: service.specialties,
      extras: service.extras.map(({ code, label, price_fen }) => ({ code, label, price_fen })),
    })),
  })
}
