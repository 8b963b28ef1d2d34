import type { AcpFields } from "./acp-signature"

/**
 * A synchronous answer of backTransReq.do / queryTrans.do: `k=v&k=v` with values not URL
 * encoded (the certificate PEM and base64 signature appear as they are). A value in braces
 * (reserved fields such as `{a=b&c=d}`) may itself contain `&` and `=`, so it is read to its
 * closing brace, as UnionPay's SDK does.
 */
export function parseAcpResponse(text: string): AcpFields {
  const fields: AcpFields = {}
  let i = 0
  while (i < text.length) {
    const eq = text.indexOf("=", i)
    if (eq < 0) break
    const key = text.slice(i, eq)
    let end: number
    if (text[eq + 1] === "{") {
      let depth = 0
      end = eq + 1
      for (; end < text.length; end++) {
        if (text[end] === "{") depth++
        else if (text[end] === "}" && --depth === 0) {
          end++
          break
        }
      }
    } else {
      end = text.indexOf("&", eq + 1)
      if (end < 0) end = text.length
    }
    if (key) fields[key.trim()] = text.slice(eq + 1, end)
    i = end + 1
  }
  return fields
}

/** The same format, for the sandbox's answers. */
export function formatAcpResponse(fields: AcpFields): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .join("&")
}

/** A form-encoded body (requests to UnionPay and its back notifications). */
export function encodeForm(fields: AcpFields): string {
  return new URLSearchParams(fields).toString()
}

export function decodeForm(body: string): AcpFields {
  const fields: AcpFields = {}
  for (const [key, value] of new URLSearchParams(body)) fields[key] = value
  return fields
}
