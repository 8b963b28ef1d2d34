import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_INCOME_MODULE } from "../../../../modules/escort-income"
import type EscortIncomeModuleService from "../../../../modules/escort-income/service"
import type { AdminEscortEarningsQuery } from "../../../escort-income-validators"
import { escortNames } from "../escort-names"

const iso = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString())

/** GET /admin/escort-income/earnings?status=&escort_id=&limit=&offset=: escort earnings. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as z.infer<typeof AdminEscortEarningsQuery>
  const { earnings, count } = await req.scope
    .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    .listEarningsFor(
      { status: query.status, escort_id: query.escort_id },
      { limit: query.limit, offset: query.offset }
    )
  const names = await escortNames(
    req.scope,
    earnings.map((earning) => earning.escort_id)
  )
  res.json({
    earnings: earnings.map((row) => ({
      id: row.id,
      booking_id: row.booking_id,
      escort_id: row.escort_id,
      escort_name: names.get(row.escort_id) ?? null,
      service_name: row.service_name,
      service_date: row.service_date,
      price_fen: row.price_fen,
      level: row.level,
      share_percent: row.share_percent,
      amount_fen: row.amount_fen,
      reversed_fen: row.reversed_fen,
      status: row.status,
      release_at: iso(row.release_at),
      available_at: iso(row.available_at),
      created_at: iso(row.created_at),
    })),
    count,
    limit: query.limit,
    offset: query.offset,
  })
}
