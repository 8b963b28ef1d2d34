import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ERROR_MESSAGES as M } from "./error-messages"

// NUL and the other C0 controls and DEL: never part of a route or an id.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/
const MAX_DEPTH = 32

/** Every segment decodes (no broken percent-encoding) to text without control characters. */
export function isWellFormedPath(path: string): boolean {
  if (CONTROL_CHARACTER.test(path)) return false
  return path.split("/").every((segment) => {
    try {
      return !CONTROL_CHARACTER.test(decodeURIComponent(segment))
    } catch {
      return false
    }
  })
}

/** PostgreSQL cannot store NUL in text or JSON, so a NUL anywhere in the input is refused. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000")
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return false
  return Object.entries(value).some(
    ([key, item]) => key.includes("\u0000") || containsNul(item, depth + 1)
  )
}

/**
 * Runs before every route (ours, plugins', Medusa's): a path Express cannot decode
 * or that hides control characters, or input with NUL bytes, gets a 400 in Chinese
 * before any handler turns it into a database error.
 */
export function rejectMalformedRequests() {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    if (!isWellFormedPath(req.path)) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, M.malformedPath))
    }
    if (containsNul(req.query) || containsNul(req.body)) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, M.malformedInput))
    }
    next()
  }
}
