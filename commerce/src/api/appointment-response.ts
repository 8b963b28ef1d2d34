import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE, CMS_UNAVAILABLE_MESSAGE } from "../lib/cms/cms-reader"

/**
 * Runs `work`; answers a conflict (slot full, already booked) with 409 and its own
 * message, which Medusa's error handler would replace with a generic English one, and
 * an unreachable CMS with 503. Returns false when it answered.
 */
export async function answeringAppointmentErrors(res: MedusaResponse, work: () => Promise<void>) {
  try {
    await work()
    return true
  } catch (error) {
    const err = error as { type?: string; code?: string; message?: string }
    if (err.code === CMS_UNAVAILABLE_CODE || err.message === CMS_UNAVAILABLE_MESSAGE) {
      res.status(503).json({ type: "cms_unavailable", message: CMS_UNAVAILABLE_MESSAGE })
      return false
    }
    if (err.type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: "conflict", message: err.message })
      return false
    }
    throw error
  }
}
