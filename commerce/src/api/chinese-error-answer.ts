import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE } from "../lib/cms/cms-reader"
import { ERROR_MESSAGES as M } from "./error-messages"
import { translateValidationMessage } from "./validation-messages"

type ErrorBody = { type: string; code?: string; message: string }
export type ErrorAnswer = { status: number; body: ErrorBody }

const CHINESE = /[\u4e00-\u9fff]/
const T = MedusaError.Types

// body-parser's error types (https://github.com/expressjs/body-parser#errors).
const BODY_PARSER: Record<string, { status: number; message: string }> = {
  "entity.parse.failed": { status: 400, message: M.invalidJson },
  "entity.too.large": { status: 413, message: M.payloadTooLarge },
  "parameters.too.many": { status: 413, message: M.payloadTooLarge },
  "encoding.unsupported": { status: 415, message: M.unsupportedEncoding },
  "charset.unsupported": { status: 415, message: M.unsupportedEncoding },
  "request.aborted": { status: 400, message: M.requestAborted },
  "request.size.invalid": { status: 400, message: M.requestAborted },
}

// English messages that deserve more than the generic wording of their type; a
// status here overrides the type's (two payments racing are worth a retry).
const KNOWN_MESSAGES: { pattern: RegExp; message: string; status?: number }[] = [
  { pattern: /^Invalid email or password/i, message: M.wrongCredentials },
  // Medusa's password update (reset) refuses a wrong, expired or used reset token so.
  { pattern: /^Invalid token$/, message: M.resetLinkInvalid },
  // Medusa's cart promotions route for a code no promotion has.
  { pattern: /^The promotion code .* is invalid$/, message: M.promotionCodeUnknown },
  // Medusa's auth routes: staff may not use the members' phone or WeChat sign-in.
  { pattern: /is not allowed to use the auth provider/i, message: M.signInMethodNotAllowed },
  { pattern: /publishable (api )?key/i, message: M.publishableKeyRequired },
  {
    pattern: /^account[_ ]holder with .*already exists/i,
    message: M.paymentInProgress,
    status: 409,
  },
  { pattern: /acquir(e|ing) lock/i, message: M.conflict, status: 409 },
  // Medusa's refund of a payment (the admin's 退款) for more than is left of what was captured.
  {
    pattern: /not allowed to refund more than the captured amount/i,
    message: M.refundExceedsCaptured,
  },
  // Medusa's query parser throws this as a server error, but only the URL causes it.
  { pattern: /^Key accessor more than 2 levels deep/, message: M.queryTooDeep, status: 400 },
  // Medusa's provider routes (e.g. /admin/fulfillment-providers/:id/options) throw a plain
  // Error, a 500, for an id that names no provider (not for a provider that failed).
  {
    pattern: /^\s*Unable to retrieve the [\w ]*provider with id: [^\n,]*\nPlease make sure/,
    message: M.notFound,
    status: 404,
  },
]

const STATUS_BY_TYPE: Record<string, number> = {
  [T.CONFLICT]: 409,
  [T.UNAUTHORIZED]: 401,
  [T.FORBIDDEN]: 403,
  [T.PAYMENT_AUTHORIZATION_ERROR]: 422,
  [T.DUPLICATE_ERROR]: 422,
  [T.NOT_ALLOWED]: 400,
  [T.INVALID_DATA]: 400,
  [T.NOT_FOUND]: 404,
  // The ORM's transaction races are conflicts too (see Medusa's own handler).
  QueryRunnerAlreadyReleasedError: 409,
  TransactionAlreadyStartedError: 409,
  TransactionNotStartedError: 409,
}

const MESSAGE_BY_TYPE: Record<string, string> = {
  [T.CONFLICT]: M.conflict,
  [T.UNAUTHORIZED]: M.unauthorized,
  [T.FORBIDDEN]: M.forbidden,
  [T.PAYMENT_AUTHORIZATION_ERROR]: M.paymentAuthorization,
  [T.DUPLICATE_ERROR]: M.duplicate,
  [T.NOT_ALLOWED]: M.notAllowed,
  [T.INVALID_DATA]: M.invalidData,
  [T.NOT_FOUND]: M.notFound,
}

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: M.badRequest,
  401: M.unauthorized,
  403: M.forbidden,
  404: M.notFound,
  409: M.conflict,
  413: M.payloadTooLarge,
  415: M.unsupportedEncoding,
  422: M.invalidData,
  429: M.tooManyRequests,
}

/**
 * PostgreSQL errors that only bad input causes: data exceptions (class 22: NUL
 * bytes, bad UUIDs, numbers out of range, strings too long), integrity violations
 * (class 23) and values too large to index (54000).
 */
function databaseRefusal(error: Record<string, unknown>): ErrorAnswer | null {
  const code = String(error.code ?? error.sqlState ?? "")
  if (code === "23505") return answer(422, T.DUPLICATE_ERROR, M.duplicate)
  if (code === "23503") return answer(404, T.NOT_FOUND, M.notFound)
  if (code.startsWith("22") || code.startsWith("23") || code === "54000") {
    return answer(400, T.INVALID_DATA, M.invalidValue)
  }
  return null
}

// The codes Medusa's own handler gives these types; its admin and SDK may read them.
const CODE_BY_TYPE: Record<string, string> = {
  [T.CONFLICT]: "invalid_state_error",
  [T.DUPLICATE_ERROR]: "invalid_request_error",
}

function answer(status: number, type: string, message: string, code = CODE_BY_TYPE[type]) {
  const body: ErrorBody = code ? { type, code, message } : { type, message }
  return { status, body } satisfies ErrorAnswer
}

/** What the shopper or staff member is told, in Chinese, for any error a request raises. */
export function chineseErrorAnswer(error: unknown): ErrorAnswer {
  const err = (error ?? {}) as Record<string, unknown> & { message?: unknown }
  const message = typeof err.message === "string" ? err.message : ""

  // Express could not decode a path parameter (broken percent-encoding).
  if (error instanceof URIError) return answer(400, T.INVALID_DATA, M.malformedPath)

  const parserType = typeof err.type === "string" ? BODY_PARSER[err.type] : undefined
  if (parserType) {
    return answer(parserType.status, T.INVALID_DATA, parserType.message)
  }

  const fromDatabase = databaseRefusal(err)
  if (fromDatabase) return fromDatabase

  const type = String(err.type || err.name || "")
  const known = KNOWN_MESSAGES.find(({ pattern }) => pattern.test(message))
  if (known?.status) return answer(known.status, statusType(known.status), known.message)

  // The CMS did not answer: a Chinese "try again later" rather than a server error.
  if (err.code === CMS_UNAVAILABLE_CODE && CHINESE.test(message)) {
    return answer(503, "cms_unavailable", message, CMS_UNAVAILABLE_CODE)
  }

  const status = STATUS_BY_TYPE[type] ?? httpStatusOf(err)
  if (!status || status >= 500) {
    return answer(500, "unknown_error", M.internal, "unknown_error")
  }
  const medusaType = MESSAGE_BY_TYPE[type] ? type : statusType(status)
  // Medusa's "Invalid request: …" is translated even when our schema's part is Chinese.
  const chinese =
    (type === T.INVALID_DATA ? translateValidationMessage(message) : null) ??
    (CHINESE.test(message) ? message : null) ??
    known?.message ??
    MESSAGE_BY_TYPE[type] ??
    MESSAGE_BY_STATUS[status] ??
    M.badRequest
  return answer(status, medusaType, chinese)
}

// Errors from Express internals and http-errors carry their own 4xx status.
function httpStatusOf(err: Record<string, unknown>): number | null {
  const status = Number(err.statusCode ?? err.status)
  return Number.isInteger(status) && status >= 400 && status < 600 ? status : null
}

function statusType(status: number): string {
  const byStatus: Record<number, string> = {
    401: T.UNAUTHORIZED,
    403: T.FORBIDDEN,
    404: T.NOT_FOUND,
    409: T.CONFLICT,
  }
  return byStatus[status] ?? T.INVALID_DATA
}
