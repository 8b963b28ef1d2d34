import { guardResponseHeaders } from "./src/lib/http/security-headers"

type RequestTracer = (
  handler: () => Promise<void>,
  req: import("node:http").IncomingMessage,
  res: import("node:http").ServerResponse
) => Promise<void>

/**
 * `medusa start` calls `register()` before it creates the server and then passes every
 * request through `traceRequestHandler` (the hook Medusa's own OpenTelemetry set-up uses):
 * the one place that sees the admin app, the static file server and the API alike, so the
 * security headers are set on all of them.
 */
export function register() {
  const start = require("@medusajs/medusa/commands/start") as {
    traceRequestHandler?: RequestTracer
  }
  const apiOrigin = new URL(process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").origin
  start.traceRequestHandler = async (handler, req, res) => {
    guardResponseHeaders(req, res, apiOrigin)
    await handler()
  }
}
