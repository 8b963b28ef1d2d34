import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cmsReader } from "../../../lib/cms/cms-reader"
import { fieldCipherFromEnv } from "../../../lib/crypto/field-cipher"
import type { DashboardQueryType } from "../../../lib/dashboard/dashboard-query"
import { readDashboard } from "../../../lib/dashboard/read-dashboard"
import { appointmentCalendarFromEnv } from "../../../modules/appointment/rules/appointment-calendar"
import { siteCapacity } from "../../appointments/steps/resolve-collection-site-step"

/** Places per slot of each collection site: the CMS's figure, else the configured default. */
async function slotCapacities() {
  const fallback = appointmentCalendarFromEnv().defaultCapacity
  const sites = await cmsReader.collectionSites().catch(() => [])
  const own = new Map(sites.map((site) => [site.documentId, siteCapacity(site, fallback)]))
  return (siteId: string) => own.get(siteId) ?? fallback
}

/** Reads the 数据统计 blocks asked for; read-only, so nothing to compensate. */
export const readDashboardStep = createStep(
  "read-dashboard",
  async (query: DashboardQueryType, { container }) => {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const wantsCapacity = !query.block || query.block === "appointments"
    const figures = await readDashboard(
      {
        knex,
        cipher: fieldCipherFromEnv(),
        slotCapacity: wantsCapacity ? await slotCapacities() : () => 0,
      },
      query
    )
    return new StepResponse(figures)
  }
)
