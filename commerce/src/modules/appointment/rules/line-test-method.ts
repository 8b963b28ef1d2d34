import {
  COLLECTION_APPOINTMENT_KEY,
  readCollectionAppointment,
  type CollectionAppointmentChoice,
} from "./collection-appointment"

import { LINE_COLLECTION_KEY, TEST_METHOD_KEY, type TestMethod } from "@health/contracts"

// The keys checkout writes are shared with the storefronts (@health/contracts).
export { LINE_COLLECTION_KEY, TEST_METHOD_KEY, type TestMethod }

export type LineTestReading =
  | { method: "mail_in" }
  | { method: "on_site"; choice: CollectionAppointmentChoice }
  | { problem: string }
  | null

/** Reads a line's choice: null when checkout set none, a problem when it is malformed. */
export function readLineTestMethod(
  metadata: Record<string, unknown> | null | undefined
): LineTestReading {
  const method = metadata?.[TEST_METHOD_KEY]
  if (method === undefined || method === null || method === "") return null
  if (method === "mail_in") return { method }
  if (method !== "on_site") return { problem: "采样方式只能是寄送采样盒或采集点现场采集" }
  const reading = readCollectionAppointment({
    [COLLECTION_APPOINTMENT_KEY]: metadata?.[LINE_COLLECTION_KEY],
  })
  if (!reading) return { problem: "请选择现场采集的采集点、日期和时段" }
  if ("problem" in reading) return reading
  return { method, choice: reading.choice }
}

export type TestMethodLine = {
  id: string
  title: string
  quantity: number
  metadata?: Record<string, unknown> | null
}

export type LineTestMethod = {
  line_item_id: string
  title: string
  quantity: number
  method: TestMethod
  /** The site and slot of an on-site line. */
  choice?: CollectionAppointmentChoice
}

export type TestMethods = { lines: LineTestMethod[] } | { problem: string }

/**
 * Each gene-test line's test method, as checkout keeps it on the line. A cart whose lines
 * carry none (made through Medusa's own routes, not a storefront) sends every kit by post;
 * as soon as one line carries a choice, every gene-test line must. The older clients'
 * cart-wide choice (the shipping option and a cart-level slot) is read no more.
 */
export function resolveTestMethods(geneTestLines: TestMethodLine[]): TestMethods {
  // In the order they were added to the cart (line ids grow with time): Medusa returns a
  // cart's lines in no fixed order, and messages naming two lines must read the same each time.
  const ordered = [...geneTestLines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const readings = ordered.map((line) => ({
    line,
    reading: readLineTestMethod(line.metadata),
  }))
  const base = (line: TestMethodLine) => ({
    line_item_id: line.id,
    title: line.title,
    quantity: Number(line.quantity),
  })
  if (readings.every(({ reading }) => reading === null)) {
    return { lines: ordered.map((line) => ({ ...base(line), method: "mail_in" as const })) }
  }
  const lines: LineTestMethod[] = []
  for (const { line, reading } of readings) {
    if (!reading) {
      return { problem: `请为「${line.title}」选择采样方式（寄送采样盒或采集点现场采集）` }
    }
    if ("problem" in reading) return { problem: `「${line.title}」${reading.problem}` }
    lines.push({
      ...base(line),
      method: reading.method,
      ...(reading.method === "on_site" && { choice: reading.choice }),
    })
  }
  return { lines }
}

export type CollectionGroup = {
  choice: CollectionAppointmentChoice
  lines: LineTestMethod[]
  /** People to sample: the quantities of the group's lines. */
  people: number
}

/**
 * On-site lines grouped by site, day and slot: a member holds one appointment per slot,
 * so lines picked for the same place and time share one.
 */
export function collectionGroups(lines: LineTestMethod[]): CollectionGroup[] {
  const groups = new Map<string, CollectionGroup>()
  for (const line of lines) {
    if (line.method !== "on_site" || !line.choice) continue
    const key = `${line.choice.site_id} ${line.choice.date} ${line.choice.slot}`
    const group = groups.get(key) ?? { choice: line.choice, lines: [], people: 0 }
    group.lines.push(line)
    group.people += line.quantity
    groups.set(key, group)
  }
  return [...groups.values()]
}

/** Two groups in the same slot at different sites: one member cannot be at both. */
export function slotClash(groups: CollectionGroup[]): string | null {
  for (const [i, a] of groups.entries()) {
    const b = groups
      .slice(i + 1)
      .find((g) => g.choice.date === a.choice.date && g.choice.slot === a.choice.slot)
    if (b) {
      return `「${a.lines[0].title}」和「${b.lines[0].title}」选了同一时段的不同采集点，同一时段只能在一个采集点采样，请改选同一采集点或其他时段`
    }
  }
  return null
}
