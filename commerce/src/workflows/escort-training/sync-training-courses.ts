import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { readTrainingCoursesFromCms } from "../../lib/cms/training-course-source"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"

/**
 * Reads every course and its question bank from the CMS and replaces the synced copy. When
 * the CMS does not answer, the step fails before touching the copy: the last courses, and
 * the gate's list of required ones, stay.
 */
const syncTrainingCoursesStep = createStep(
  "sync-escort-training-courses",
  async (_input: Record<string, never>, { container }) => {
    const courses = await readTrainingCoursesFromCms()
    const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
    return new StepResponse(await training.replaceCourses(courses, new Date()))
  }
)

export const syncTrainingCoursesWorkflow = createWorkflow(
  "sync-escort-training-courses",
  (input: Record<string, never>) => new WorkflowResponse(syncTrainingCoursesStep(input))
)

/** How old the copy may get before a read refreshes it (ESCORT_TRAINING_SYNC_MS, 10 min). */
const maxAgeMs = () => {
  const value = Number(process.env.ESCORT_TRAINING_SYNC_MS)
  return Number.isFinite(value) && value >= 0 ? value : 10 * 60_000
}

/**
 * Refreshes a stale copy before escorts or staff read it. A CMS that does not answer keeps
 * the last copy; only a copy never synced lets the 503 through (there is nothing to show).
 */
export async function refreshTrainingCoursesIfStale(container: MedusaContainer) {
  const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  const last = await training.lastSyncedAt()
  if (last && Date.now() - last.getTime() < maxAgeMs()) return
  try {
    await syncTrainingCoursesWorkflow(container).run({ input: {} })
  } catch (error) {
    if (!last) throw error
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`[escort-training] course sync failed, keeping the copy: ${(error as Error).message}`)
  }
}

/** When the last first-sync attempt failed (in this process): retried after a minute. */
let firstSyncFailedAt = 0

/**
 * Before the gate decides: a copy never synced is read from the CMS first, so a fresh
 * installation does not let untrained escorts through until someone opens a training
 * page. A CMS that cannot be read leaves the copy empty (no required course known yet) and
 * is tried again a minute later, so taking tasks never waits on a CMS that is down.
 */
export async function syncTrainingCoursesIfNeverSynced(container: MedusaContainer) {
  const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  if (await training.lastSyncedAt()) return
  if (Date.now() - firstSyncFailedAt < 60_000) return
  try {
    await syncTrainingCoursesWorkflow(container).run({ input: {} })
  } catch (error) {
    firstSyncFailedAt = Date.now()
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`[escort-training] first course sync failed: ${(error as Error).message}`)
  }
}
