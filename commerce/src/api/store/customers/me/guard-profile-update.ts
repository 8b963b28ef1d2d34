import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ProfileUpdateGuard } from "./validators"

/**
 * Runs before Medusa's own `POST /store/customers/me` and refuses what members may not
 * set there (see ProfileUpdateGuard). It only reads the body; Medusa validates the rest.
 */
export function guardProfileUpdate() {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const checked = ProfileUpdateGuard.safeParse(req.body ?? {})
    if (checked.success) return next()
    const message = checked.error.issues.map((issue) => issue.message).join("；")
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
  }
}
