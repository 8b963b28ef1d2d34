import type { MedusaContainer } from "@medusajs/framework/types"

/** The kinds of content a push can point at (custom text points at nothing). */
export const PUSH_CONTENT_TYPES = [
  "article",
  "product",
  "clinic_session",
  "escort",
  "consultation",
] as const
export type PushContentType = (typeof PUSH_CONTENT_TYPES)[number]

/**
 * One candidate of 推送中心's content picker: `ref` becomes the push's content_ref; title,
 * summary (the push's body) and link (a storefront path) prefill the form.
 */
export type PushContent = {
  ref: string
  title: string
  summary: string
  link: string
  image: string | null
}

/** Where one kind of content is searched and checked. */
export type PushContentSource = {
  /** Up to `limit` candidates matching `q` (all when empty), the likeliest first. */
  search(container: MedusaContainer, q: string, limit: number): Promise<PushContent[]>
  /** The content `ref` names, or null when it is gone (deleted, unpublished, unverified). */
  find(container: MedusaContainer, ref: string): Promise<PushContent | null>
}

/** A summary short enough for a push's body (500 characters at most), on one line. */
export const shortSummary = (text: string | null | undefined, max = 200) => {
  const flat = (text ?? "").replace(/\s+/g, " ").trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** Does `q` (already lower-cased) occur in any of `fields`? An empty `q` matches all. */
export const mentions = (q: string, ...fields: (string | null | undefined)[]) =>
  !q || fields.some((field) => (field ?? "").toLowerCase().includes(q))

/** A price in fen as staff read it: "¥199", "¥29.90". */
export const yuanText = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 ? 2 : 0)}`
