import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"
import { syncTrainingCoursesIfNeverSynced } from "./sync-training-courses"

/** What an escort without every required certificate reads when they try to take a task. */
export const trainingRequiredMessage = (titles: string[]) =>
  `完成必修培训并通过考试后才能接单：${titles.map((title) => `《${title}》`).join("、")}`

/**
 * The escorts among `escortIds` holding a valid certificate for every required course
 * (必修, from the synced CMS copy) at `now`: the only ones dispatch may offer a task to.
 */
export async function trainedEscortIds(
  container: MedusaContainer,
  escortIds: string[],
  now = new Date()
): Promise<string[]> {
  await syncTrainingCoursesIfNeverSynced(container)
  const missing = await container
    .resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
    .missingRequiredCourses(escortIds, now)
  return escortIds.filter((id) => !missing.has(id))
}

/**
 * The training gate of grabbing, accepting an offer and staff assignment: every required
 * course passed and its certificate not expired (a lapsed one needs the yearly refresher).
 */
export const checkEscortTrainingStep = createStep(
  "check-escort-training",
  async (input: { escort_id: string }, { container }) => {
    await syncTrainingCoursesIfNeverSynced(container)
    const missing = await container
      .resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
      .missingRequiredCourses([input.escort_id], new Date())
    const lacking = missing.get(input.escort_id)
    if (lacking?.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        trainingRequiredMessage(lacking.map((course) => course.title))
      )
    }
    return new StepResponse(true)
  }
)
