import {
  COLLECTION_APPOINTMENT_KEY,
  LINE_COLLECTION_KEY,
  TEST_METHOD_KEY,
  TEST_METHOD_LABELS,
  type CollectionAppointmentChoice,
} from "@health/contracts"
import { describeCollectionChoice, readCollectionChoice } from "./collection-choice"

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
    [COLLECTION_APPOINTMENT_KEY]: metadata?.[LINE_COLLECTION_KEY],
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
