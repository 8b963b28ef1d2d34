import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cmsReader } from "../../../lib/cms/cms-reader"
import type { ClinicSessionSnapshot } from "../../../modules/appointment/types"

export type ResolvedClinicSession = { session: ClinicSessionSnapshot; capacity: number }

/** Default places of a session when the CMS gives none (the CMS's own default). */
const DEFAULT_SESSION_CAPACITY = 20

/**
 * Reads a published clinic session from the CMS. `forSignUp` refuses sessions that have
 * started: cancelling stays possible so a place can still go to the waitlist.
 */
export const resolveClinicSessionStep = createStep(
  "resolve-clinic-session",
  async (input: { session_id: string; for_sign_up: boolean }) => {
    const session = await cmsReader.clinicSession(input.session_id)
    if (!session) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这场义诊，它可能已下线")
    }
    if (input.for_sign_up && new Date(session.starts_at).getTime() <= Date.now()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "这场义诊已开始或已结束，不能再报名，请关注之后的场次"
      )
    }
    const capacity = Number.isInteger(session.capacity)
      ? Math.max(0, session.capacity as number)
      : DEFAULT_SESSION_CAPACITY
    return new StepResponse<ResolvedClinicSession>({
      session: {
        id: session.documentId,
        title: session.title,
        starts_at: session.starts_at,
        place: session.place ?? null,
      },
      capacity,
    })
  }
)
