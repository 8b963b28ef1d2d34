// How busy the whole machine was over `npm test` (every process, PostgreSQL and other work on
// the machine included): the stage rows count only npm test's own children, so they cannot tell
// a run that waited from one that had no core to spare.
import { readFileSync } from "node:fs"
import { availableParallelism } from "node:os"

/** The machine's CPU time so far (/proc/stat), in seconds, and its cores; null off Linux. */
export function machineCpu(stat = "/proc/stat") {
  try {
    const [, ...ticks] = readFileSync(stat, "utf8").split("\n")[0].trim().split(/\s+/)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks.map(Number)
    const busy = user + nice + system + irq + softirq + (steal || 0)
    if (!Number.isFinite(busy + idle + iowait)) return null
    return { busy: busy / 100, iowait: iowait / 100, cores: availableParallelism() }
  } catch {
    return null
  }
}

/** The timing table's line for the machine between two readings, or null without both. */
export function machineLine(start, end, wallSeconds) {
  if (!start || !end || !(wallSeconds > 0)) return null
  const busy = Math.round(end.busy - start.busy)
  const capacity = wallSeconds * end.cores
  const percent = (seconds) => Math.round((100 * seconds) / capacity)
  return `${String(busy).padStart(6)} s  machine CPU over the run: ${percent(busy)}% of ${end.cores} cores busy, ${percent(end.iowait - start.iowait)}% waiting on I/O (every process on the machine)`
}
