import {
  type Kit,
  KIT_STATUS_LABELS,
  KIT_STATUSES,
  type KitStatus,
  type KitTimelineEntry,
} from "@health/contracts"

/** The normal life of a kit, in order. `rejected` and `cancelled` leave it sideways. */
export const KIT_PATH: readonly KitStatus[] = KIT_STATUSES.filter(
  (status) => status !== "rejected" && status !== "cancelled"
)

export type KitStep = {
  status: KitStatus
  label: string
  state: "done" | "current" | "upcoming"
  /** A side exit (sample rejected, kit cancelled), drawn apart from the normal path. */
  exit: boolean
  /** When the kit reached this step; null for upcoming steps and for steps the timeline lacks. */
  at: string | null
  note: string | null
}

type KitProgress = Pick<Kit, "status" | "timeline"> & {
  collection_method?: Kit["collection_method"]
}

function latestEntries(timeline: KitTimelineEntry[]): Map<KitStatus, KitTimelineEntry> {
  const latest = new Map<KitStatus, KitTimelineEntry>()
  for (const entry of timeline) latest.set(entry.status, entry)
  return latest
}

/**
 * The steps a timeline or stepper shows for a kit: what is done, where it is now, what is
 * still to come. A rejected sample shows as a side step after the last step reached, with the
 * rest still ahead (the member samples again); a cancelled kit ends at its side step.
 */
export function kitSteps({ status, timeline, collection_method }: KitProgress): KitStep[] {
  const latest = latestEntries(timeline)
  // Sampled at a collection site: nothing is posted, unless the lab recorded a shipment anyway.
  const path = KIT_PATH.filter(
    (step) =>
      step !== "shipped" ||
      collection_method !== "on_site" ||
      latest.has("shipped") ||
      status === "shipped"
  )
  const step = (at: KitStatus, state: KitStep["state"], exit = false): KitStep => {
    const entry = state === "upcoming" ? undefined : latest.get(at)
    return {
      status: at,
      label: entry?.label ?? KIT_STATUS_LABELS[at],
      state,
      exit,
      at: entry?.at ?? null,
      note: entry?.note ?? null,
    }
  }

  if (status === "rejected" || status === "cancelled") {
    const exitIndex = timeline.map((e) => e.status).lastIndexOf(status)
    const before = (exitIndex === -1 ? timeline : timeline.slice(0, exitIndex))
      .map((e) => path.indexOf(e.status))
      .filter((i) => i !== -1)
    const fallback = status === "rejected" ? path.indexOf("received") : 0
    const reached = before.length ? before[before.length - 1] : fallback
    return [
      ...path.slice(0, reached + 1).map((s) => step(s, "done")),
      step(status, "current", true),
      ...(status === "rejected" ? path.slice(reached + 1).map((s) => step(s, "upcoming")) : []),
    ]
  }

  const current = path.indexOf(status)
  const finished = status === "delivered"
  return path.map((s, i) =>
    step(s, i < current || finished ? "done" : i === current ? "current" : "upcoming")
  )
}
