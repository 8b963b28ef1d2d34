import { randomUUID } from "node:crypto"
import type { Logger } from "@medusajs/framework/types"
import { maskPersonalData, maskPersonalText } from "@health/contracts"
import { requestContext } from "./request-context"

/** npm's levels, as Medusa's own logger uses them. */
const LEVELS = { error: 0, warn: 1, info: 2, http: 3, verbose: 4, debug: 5, silly: 6 } as const
export type LogLevel = keyof typeof LEVELS

export type LogFormat = "json" | "text"

export type AppLoggerOptions = {
  /** JSON lines in production (LOG_FORMAT=json elsewhere), one readable line otherwise. */
  format?: LogFormat
  /** LOG_LEVEL, default info. */
  level?: string
  /** Where lines go; standard output by default. */
  write?: (line: string) => void
}

/**
 * A message as text. Callers pass what they caught, which is not always a string or an Error
 * (a thrown object, undefined): the line must still be written, not crash the handler that
 * logs a 500 and lose the error.
 */
function messageText(message: unknown): string {
  if (typeof message === "string") return message
  if (message instanceof Error) return message.message
  try {
    return JSON.stringify(maskPersonalData(message)) ?? String(message)
  } catch {
    return String(message)
  }
}

const isLevel = (level: string | undefined): level is LogLevel =>
  !!level && Object.prototype.hasOwnProperty.call(LEVELS, level)

/**
 * Commerce's logger, given to Medusa through medusa-config's `logger`: every line is masked
 * (mask-personal-data in @health/contracts, shared with the web) and carries the request id of the HTTP request it was
 * written for. Medusa's own request line ("http" level, unmasked URL with its query) is
 * switched off: the request-log middleware writes a masked one with the matched route.
 */
export class AppLogger implements Logger {
  protected level: LogLevel
  protected readonly configuredLevel: LogLevel
  protected readonly format: LogFormat
  protected readonly writeLine: (line: string) => void
  protected readonly activities = new Map<string, { message: string; started: number }>()

  constructor(options: AppLoggerOptions = {}) {
    this.configuredLevel = isLevel(options.level) ? options.level : "info"
    this.level = this.configuredLevel
    this.format = options.format ?? "text"
    this.writeLine = options.write ?? ((line) => process.stdout.write(`${line}\n`))
  }

  /** Writes one line: the masked message and fields, the time and the current request id. */
  write(level: LogLevel, message: unknown, fields: Record<string, unknown> = {}) {
    if (LEVELS[level] > LEVELS[this.level]) return
    const requestId = requestContext.getStore()?.requestId
    const masked = maskPersonalData(fields) as Record<string, unknown>
    const text = maskPersonalText(messageText(message))
    if (this.format === "json") {
      this.writeLine(
        JSON.stringify({
          level,
          time: new Date().toISOString(),
          message: text,
          ...(requestId ? { request_id: requestId } : {}),
          ...masked,
        })
      )
      return
    }
    const extra = Object.keys(masked).length ? ` ${JSON.stringify(masked)}` : ""
    const id = requestId ? ` [${requestId}]` : ""
    this.writeLine(`${new Date().toISOString()} ${level}${id}: ${text}${extra}`)
  }

  shouldLog(level: string): boolean {
    // Medusa asks before writing its own request line, which the middleware replaces.
    if (level === "http") return false
    return isLevel(level) && LEVELS[level] <= LEVELS[this.level]
  }

  setLogLevel(level: string) {
    if (isLevel(level)) this.level = level
  }

  unsetLogLevel() {
    this.level = this.configuredLevel
  }

  panic(data: unknown) {
    this.write("error", "panic", { details: data })
    process.exit(1)
  }

  error(messageOrError: string | Error, error?: Error) {
    if (messageOrError instanceof Error) {
      this.write("error", messageOrError.message, { error: messageOrError })
      return
    }
    this.write("error", messageOrError, error ? { error } : {})
  }

  warn(message: string) {
    this.write("warn", message)
  }

  info(message: string) {
    this.write("info", message)
  }

  http(message: string) {
    this.write("http", message)
  }

  verbose(message: string) {
    this.write("verbose", message)
  }

  debug(message: string) {
    this.write("debug", message)
  }

  silly(message: string) {
    this.write("silly", message)
  }

  log(...args: unknown[]) {
    const [first, ...rest] = args
    this.write("info", first, rest.length ? { args: rest } : {})
  }

  activity(message: string) {
    const id = randomUUID()
    this.activities.set(id, { message, started: Date.now() })
    this.write("info", message, { activity_id: id })
    return id
  }

  progress(activityId: string, message: string) {
    this.write("info", message, { activity_id: activityId })
  }

  success(activityId: string, message: string) {
    return this.finish(activityId, message, "success")
  }

  failure(activityId: string, message: string) {
    return this.finish(activityId, message, "failure")
  }

  protected finish(activityId: string, message: string, outcome: "success" | "failure") {
    const activity = this.activities.get(activityId)
    this.activities.delete(activityId)
    const duration = activity ? Date.now() - activity.started : undefined
    this.write(outcome === "success" ? "info" : "error", message, {
      activity_id: activityId,
      outcome,
      ...(duration !== undefined ? { duration_ms: duration } : {}),
    })
    return { activity_id: activityId, duration, text: message }
  }
}

/** The logger medusa-config hands Medusa: JSON lines in production or with LOG_FORMAT=json. */
export function appLoggerFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const json = env.LOG_FORMAT ? env.LOG_FORMAT === "json" : env.NODE_ENV === "production"
  return new AppLogger({ format: json ? "json" : "text", level: env.LOG_LEVEL })
}
