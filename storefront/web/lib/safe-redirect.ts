import { publicOrigin } from "./public-origin"

/** Control characters, whitespace of any kind and backslashes (browsers read `\` as `/`). */
const hasUnsafeCharacter = (text: string) =>
  [...text].some((c) => c <= " " || c === "\u007f" || c === "\\" || /\s/.test(c))

/** The percent-decodings of a candidate, so `%2F%2F` and `%5C` are judged like `//` and `\`. */
function decodings(candidate: string): string[] | null {
  const seen = [candidate]
  let current = candidate
  for (let round = 0; round < 3 && current.includes("%"); round++) {
    try {
      current = decodeURIComponent(current)
    } catch {
      // Broken percent-encoding as sent is refused; a literal "%" that decoding revealed is not.
      if (round === 0) return null
      break
    }
    seen.push(current)
  }
  return seen
}

function isPlainPath(text: string): boolean {
  return text.startsWith("/") && !text.startsWith("//") && !hasUnsafeCharacter(text)
}

/**
 * The one place that decides where a shopper may be sent from input they or a link chose
 * (`next` after sign-in, WeChat's OAuth round trip, a message's link): a path on the shop's
 * own public origin, else `fallback`. The candidate is parsed against that origin with the
 * URL parser the browser uses, so what is accepted is what the browser will follow.
 */
export function safeRedirectPath(
  candidate: unknown,
  fallback: string,
  origin: string = publicOrigin()
): string {
  if (typeof candidate !== "string" || !candidate) return fallback
  const forms = decodings(candidate)
  if (!forms || !forms.every(isPlainPath)) return fallback
  let url: URL
  try {
    url = new URL(candidate, origin)
  } catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  // Dot segments can collapse into `//` ("/.//evil" is "//evil"): judge the result too.
  if (url.origin !== origin || !decodings(path)?.every(isPlainPath)) return fallback
  return path
}

/** An absolute URL on the public origin for a redirect from a route handler. */
export function publicUrl(
  candidate: unknown,
  fallback: string,
  origin: string = publicOrigin()
): URL {
  return new URL(safeRedirectPath(candidate, fallback, origin), origin)
}
