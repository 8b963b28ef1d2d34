/**
 * Masks personal and health data before anything is written to a log or shown where the
 * person concerned is not the reader (the queue dashboard's job payloads).
 *
 * Two nets: fields are masked by their name (names, phone numbers, ID numbers, addresses,
 * health answers and results, secrets), and free text is masked by pattern (mainland mobile
 * numbers, resident ID numbers, e-mail addresses, personal query parameters). A Chinese
 * name inside free text cannot be told from other words, so code must log ids, not names.
 */

export const MASK = "[masked]"

/** Field names (lower case, without "_" or "-") whose values are never logged. */
const MASKED_FIELDS = new Set(
  [
    // who someone is
    "name",
    "first_name",
    "last_name",
    "full_name",
    "real_name",
    "contact_name",
    "recipient_name",
    "nickname",
    "phone",
    "mobile",
    "telephone",
    "tel",
    "phone_number",
    "contact_phone",
    "email",
    "id_number",
    "id_card",
    "id_card_number",
    "identity_number",
    "address",
    "address_1",
    "address_2",
    "birthday",
    "birth_date",
    "date_of_birth",
    // health data
    "answers",
    "diagnosis",
    "symptoms",
    "findings",
    "conclusion",
    "medical_history",
    "allergies",
    "conditions",
    "health_data",
    "scores",
    "results",
    "report_text",
    // secrets that travel in bodies
    "password",
    "old_password",
    "new_password",
    "code",
    "sms_code",
    "otp",
    "token",
    "authorization",
    "cookie",
  ].map((field) => normalizeField(field))
)

function normalizeField(field: string) {
  return field.toLowerCase().replace(/[-_]/g, "")
}

export const isMaskedField = (field: string) => MASKED_FIELDS.has(normalizeField(field))

/** A resident identity number: region, birth date, sequence, check digit. */
const ID_NUMBER =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g
/** A mainland mobile number, with or without +86, dashes or spaces between the groups. */
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
/** `?phone=…&name=…` in logged URLs: masked by the parameter's name. */
const QUERY_PARAMETER = /([?&;])([A-Za-z0-9_.[\]-]+)=([^&#\s"']*)/g

/** Masks what looks like personal data inside free text (messages, URLs, stack traces). */
export function maskPersonalText(text: string): string {
  return text
    .replace(QUERY_PARAMETER, (whole, separator: string, field: string) =>
      isMaskedField(field.replace(/\[.*$/, "")) ? `${separator}${field}=${MASK}` : whole
    )
    .replace(ID_NUMBER, "[id-number]")
    .replace(MOBILE, "[phone]")
    .replace(EMAIL, "[email]")
}

const MAX_DEPTH = 8

/**
 * A copy of `value` with personal data masked: fields by name, strings by pattern, errors
 * reduced to their (masked) name, message and stack. Cycles and deep nesting are cut.
 */
export function maskPersonalData(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return maskPersonalText(value)
  if (value === null || typeof value !== "object") return value
  if (seen.has(value)) return "[circular]"
  if (depth >= MAX_DEPTH) return "[nested]"
  seen.add(value)
  if (value instanceof Error) {
    return {
      name: value.name,
      message: maskPersonalText(value.message),
      ...(value.stack ? { stack: maskPersonalText(value.stack) } : {}),
    }
  }
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, depth + 1, seen))
  const masked: Record<string, unknown> = {}
  for (const [field, inner] of Object.entries(value)) {
    masked[field] =
      isMaskedField(field) && inner !== null && inner !== undefined && inner !== ""
        ? MASK
        : maskPersonalData(inner, depth + 1, seen)
  }
  return masked
}
