import { AsyncLocalStorage } from "node:async_hooks"

/** What every log line written while serving one HTTP request carries. */
export type RequestContext = { requestId: string }

/** Set by the request-log middleware for the rest of the request's work. */
export const requestContext = new AsyncLocalStorage<RequestContext>()
