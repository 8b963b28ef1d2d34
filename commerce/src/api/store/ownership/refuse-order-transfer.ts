import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OWNERSHIP_MESSAGES } from "./ownership-messages"

/**
 * Medusa's order transfer (`/store/orders/:id/transfer/*`) lets a member ask for anyone's
 * order by id, and an open request blocks staff edits of it. Nobody here hands orders on,
 * so every transfer route is off.
 */
export function refuseOrderTransfer(
  _req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  next(new MedusaError(MedusaError.Types.NOT_FOUND, OWNERSHIP_MESSAGES.transferClosed))
}
