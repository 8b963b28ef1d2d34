import { z } from "@medusajs/framework/zod"
import { ERROR_MESSAGES, FIELD_MESSAGES as M } from "./error-messages"

const CHINESE = /[\u4e00-\u9fff]/
const fieldPath = (path: readonly PropertyKey[] | undefined) =>
  (path ?? []).map((key) => String(key)).join(".")

type RawIssue = Parameters<z.core.$ZodErrorMap>[0]

/**
 * zod's own wording for every issue a schema has no message for, in Chinese and
 * naming the field. Medusa puts it into its request error for formats, custom
 * refinements and unions; the other kinds it words itself (see below).
 */
export const chineseZodErrorMap = (issue: RawIssue): string => {
  const path = fieldPath(issue.path)
  switch (issue.code) {
    case "invalid_type":
      return M.field(
        path,
        issue.input === undefined ? M.required : M.wrongType(String(issue.expected))
      )
    case "invalid_value":
      return M.field(path, M.oneOf(issue.values.map((value) => String(value))))
    case "too_small":
      return M.field(path, M.tooSmall(String(issue.minimum)))
    case "too_big":
      return M.field(path, M.tooBig(String(issue.maximum)))
    case "not_multiple_of":
      return M.field(path, M.notMultipleOf(String(issue.divisor)))
    case "unrecognized_keys":
      return M.unrecognized(issue.keys)
    case "invalid_format":
      return M.field(path, M.badFormat)
    case "invalid_key":
      return M.field(path, M.invalidKey)
    case "invalid_element":
      return M.field(path, M.invalidElement)
    default:
      return M.field(path, M.invalid)
  }
}

let configured = false
/** Installs the Chinese error map on the one zod instance Medusa and our validators share. */
export function useChineseZodMessages() {
  if (configured) return
  configured = true
  z.config({ customError: chineseZodErrorMap })
}

// Medusa's templates (framework zod-helpers formatError); fields are joined with ", ".
const field = (path: string) => path.split(", ").join(".")
const TEMPLATES: [RegExp, (...groups: string[]) => string][] = [
  [/^Field '(.*)' is required$/s, (path) => M.field(field(path), M.required)],
  [
    /^Expected type: '([^']*)' for field '([^']*)', got: /s,
    (expected, path) => M.field(field(path), M.wrongType(expected.split(", ")[0] ?? "")),
  ],
  [
    /^Expected: '([^']*)' for field '([^']*)', but got: /s,
    (values, path) => M.field(field(path), M.oneOf(values.split(", "))),
  ],
  [/^Unrecognized fields: '(.*)'$/s, (keys) => M.unrecognized(keys.split(", "))],
  [
    /^Value for field '(.*)' too small, expected at least: '(.*)'$/s,
    (path, minimum) => M.field(field(path), M.tooSmall(minimum)),
  ],
  [
    /^Value for field '(.*)' too big, expected at most: '(.*)'$/s,
    (path, maximum) => M.field(field(path), M.tooBig(maximum)),
  ],
  [
    /^Value for field '(.*)' not multiple of: '(.*)'$/s,
    (path, divisor) => M.field(field(path), M.notMultipleOf(divisor)),
  ],
]

/**
 * Medusa's "Invalid request: …" (up to three issues joined by "; ") in Chinese,
 * or null when the message is not a request validation error.
 */
export function translateValidationMessage(message: string): string | null {
  const prefix = "Invalid request: "
  if (!message.startsWith(prefix)) return null
  const parts = message.slice(prefix.length).split("; ")
  const translated = parts.map((part) => {
    if (CHINESE.test(part)) return part
    for (const [pattern, word] of TEMPLATES) {
      const match = pattern.exec(part)
      if (match) return word(...match.slice(1))
    }
    return null
  })
  const known = translated.filter((part): part is string => part !== null)
  return known.length ? [...new Set(known)].join("；") : ERROR_MESSAGES.invalidData
}
