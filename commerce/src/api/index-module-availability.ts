import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FeatureFlag, MedusaError, Modules } from "@medusajs/framework/utils"
import { ERROR_MESSAGES as M } from "./error-messages"

/**
 * Medusa's /admin/index/* routes, when the index module is off, set a 404 status and
 * never send it, so the request hangs until the client gives up. Same check, but
 * answered at once.
 */
export function requireIndexModule() {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const index = req.scope.resolve(Modules.INDEX, { allowUnregistered: true })
    if (!index || !FeatureFlag.isFeatureEnabled("index_engine")) {
      return next(new MedusaError(MedusaError.Types.NOT_FOUND, M.indexUnavailable))
    }
    next()
  }
}
