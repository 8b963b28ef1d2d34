import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { matchedRoutePatterns, type RouterOwner } from "../access/matched-routes"
import type { AppLogger } from "./app-logger"
import { maskPersonalText } from "@health/contracts"
import { requestContext } from "./request-context"

export const REQUEST_ID_HEADER = "x-request-id"

/** An id the proxy may hand us: short and plain, so it cannot forge or bloat log lines. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

export function requestIdOf(incoming: string | undefined) {
  return incoming && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

/** The route pattern that answered; none for a path so malformed the router cannot decode it. */
function matchedRoute(req: MedusaRequest, path: string): string | null {
  try {
    return matchedRoutePatterns(req.app as unknown as RouterOwner, req.method, path)[0] ?? null
  } catch {
    return null
  }
}

/** Probes answer many times a minute and say nothing new. */
const QUIET_PATHS = /^\/health(?:\/|$)/

/**
 * One log line per HTTP request: request id (the proxy's x-request-id when sane, else a new
 * one, echoed in the response), method, matched route pattern, status, duration. The path is
 * logged without its query; the route pattern never holds ids or personal data.
 */
export function logRequests() {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const requestId = requestIdOf(req.get(REQUEST_ID_HEADER))
    ;(req as MedusaRequest & { requestId?: string }).requestId = requestId
    res.setHeader(REQUEST_ID_HEADER, requestId)
    const started = process.hrtime.bigint()
    const path = (req.originalUrl ?? req.url).split(/[?#]/)[0]

    res.on("finish", () => {
      if (QUIET_PATHS.test(path) && res.statusCode < 400) return
      const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER)
      const route = matchedRoute(req, path)
      const fields = {
        type: "request",
        request_id: requestId,
        method: req.method,
        route,
        path: maskPersonalText(path),
        status: res.statusCode,
        duration_ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      }
      const level = res.statusCode >= 500 ? "error" : "info"
      const message = `${req.method} ${route ?? fields.path} ${res.statusCode}`
      // Duck-typed: medusa-config and the routes may load this folder through different loaders.
      if (typeof (logger as Partial<AppLogger>)?.write === "function") {
        ;(logger as AppLogger).write(level, message, fields)
      } else {
        logger?.info(`${message} ${JSON.stringify(fields)}`)
      }
    })

    requestContext.run({ requestId }, next)
  }
}
