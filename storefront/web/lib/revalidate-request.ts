import { timingSafeEqual } from "crypto"

export type RevalidateRequest =
  | { ok: true; tags: string[] }
  | { ok: false; status: 400 | 401; message: string }

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Checks the shared secret header and a body of `{ tags: string[] }` (1 to 50 short tags). */
export async function parseRevalidateRequest(
  request: Request,
  secret: string
): Promise<RevalidateRequest> {
  if (!secret || !sameSecret(request.headers.get("x-revalidate-secret") ?? "", secret)) {
    return { ok: false, status: 401, message: "invalid revalidate secret" }
  }
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null
  const tags = body?.tags
  if (
    !Array.isArray(tags) ||
    tags.length === 0 ||
    tags.length > 50 ||
    !tags.every((tag) => typeof tag === "string" && /^[\w:.-]{1,100}$/.test(tag))
  ) {
    return { ok: false, status: 400, message: 'body must be { "tags": ["products", ...] }' }
  }
  return { ok: true, tags }
}
