import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Runs `work`; a conflict becomes a 409 with its own message, which Medusa's error
 * handler would replace with a generic English one. Returns false when it answered.
 */
export async function answeringConflicts(res: MedusaResponse, work: () => Promise<void>) {
  try {
    await work()
    return true
  } catch (error) {
    if (MedusaError.isMedusaError(error) && error.type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: "conflict", message: error.message })
      return false
    }
    throw error
  }
}
