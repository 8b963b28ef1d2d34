import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { ProfileUpdateGuard } from "./validators"

/**
 * Runs before Medusa's own `POST /store/customers/me` and refuses what members may not
 * set there (see ProfileUpdateGuard; RegistrationGuard for `POST /store/customers`). It
 * only reads the body; Medusa validates the rest.
 */
export function guardProfileUpdate(guard: z.ZodType = ProfileUpdateGuard) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const checked = guard.safeParse(req.body ?? {})
    if (checked.success) return next()
    const message = checked.error.issues.map((issue) => issue.message).join("；")
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
  }
}
