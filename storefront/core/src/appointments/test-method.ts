import {
  describeCollectionChoice,
  readCollectionChoice,
  type CollectionAppointmentChoice,
} from "./collection-choice"

/** How the sample of one gene-test line is taken: a kit by post, or at a collection site. */
export type TestMethod = "mail_in" | "on_site"

export const TEST_METHOD_LABELS: Record<TestMethod, string> = {
  mail_in: "寄送采样盒",
  on_site: "采集点现场采集",
}

/**
 * Line item metadata keys where checkout keeps each line's choice. Medusa copies a cart
 * line's metadata onto the order line, so commerce reads them there when the order is placed.
 */
export const TEST_METHOD_KEY = "test_method"
export const LINE_COLLECTION_KEY = "collection"

export type LineTestChoice =
  | { method: "mail_in" }
  | { method: "on_site"; collection: CollectionAppointmentChoice }

type LineLike = {
  metadata?: Record<string, unknown> | null
  product?: { metadata?: Record<string, unknown> | null } | null
}

/** Whether a cart or order line is a gene test (the lines that get a test method). */
export function isGeneTestLine(line: LineLike): boolean {
  return line.product?.metadata?.kind === "gene_test"
}

/** The choice kept on a line, or null when there is none (or it is unreadable). */
export function readLineTestChoice(
  metadata: Record<string, unknown> | null | undefined
): LineTestChoice | null {
  const method = metadata?.[TEST_METHOD_KEY]
  if (method === "mail_in") return { method }
  if (method !== "on_site") return null
  const collection = readCollectionChoice({
    collection_appointment: metadata?.[LINE_COLLECTION_KEY],
  })
  return collection ? { method, collection } : null
}

/** What checkout writes into a line's metadata ("" removes a site chosen before). */
export function lineTestMetadata(choice: LineTestChoice): Record<string, unknown> {
  return {
    [TEST_METHOD_KEY]: choice.method,
    [LINE_COLLECTION_KEY]: choice.method === "on_site" ? choice.collection : "",
  }
}

/** "寄送采样盒", or "采集点现场采集 · 岳阳楼区采集点 · 12月3日 周四 10:00-11:00". */
export function describeLineTestChoice(choice: LineTestChoice): string {
  if (choice.method === "mail_in") return TEST_METHOD_LABELS.mail_in
  return `${TEST_METHOD_LABELS.on_site} · ${describeCollectionChoice(choice.collection)}`
}
