import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import { escortLevel, type EscortLevel } from "../../modules/escort-income/rules/escort-level"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { escortRatings } from "../escort-review/escort-rating-inputs"

/** An escort's record as the level rules read it: services done, ratings (escortRatings) and their average. */
export async function escortRecord(container: Pick<MedusaContainer, "resolve">, escortId: string) {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const [, completed] = await escorts.listAndCountEscortBookings(
    { escort_id: escortId, status: ["completed", "confirmed", "reviewed"] },
    { select: ["id"], take: 1 }
  )
  const ratings = (await escortRatings(container, [escortId])).get(escortId)!
  return { completed, ratingAverage: ratings.average, ratingCount: ratings.count }
}

/** The escort's level from their record now, saved on the escort when it changed. */
export const recomputeEscortLevelStep = createStep(
  "recompute-escort-level",
  async (escortId: string | null, { container }) => {
    if (!escortId) return new StepResponse(null, null)
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    const [escort] = await escorts.listEscorts({ id: escortId }, { take: 1 })
    if (!escort) return new StepResponse(null, null)
    const level = escortLevel(
      await escortRecord(container, escortId),
      (await income.settings()).level_rules
    )
    if (level === escort.level) return new StepResponse(level, null)
    await escorts.updateEscorts({ id: escortId, level })
    return new StepResponse(level, { id: escortId, level: escort.level as EscortLevel })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<EscortModuleService>(ESCORT_MODULE).updateEscorts(before)
  }
)
