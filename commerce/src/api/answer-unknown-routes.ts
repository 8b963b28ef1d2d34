import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ERROR_MESSAGES as M } from "./error-messages"

const API_PATH = /^\/(admin|store|auth|hooks)(\/|$)/i

type ExpressApp = { use: (handler: unknown) => void }

/** The last handler of the app: an API path no route took gets JSON in Chinese. */
function unknownRoute(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // Express answers OPTIONS itself once the stack is done; other paths are the admin's.
  if (req.method === "OPTIONS" || !API_PATH.test(req.path) || res.headersSent) return next()
  res.status(404).json({ type: "not_found", message: M.unknownRoute })
}

/**
 * Express answers a path no route matched with an English HTML page ("Cannot GET …").
 * Medusa offers no hook after its routes, so on the first request, when every route is
 * registered, a last handler is appended to the app for API paths.
 */
export function answerUnknownRoutesInChinese() {
  let installed = false
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    if (!installed) {
      installed = true
      ;(req.app as unknown as ExpressApp).use(unknownRoute)
    }
    next()
  }
}
