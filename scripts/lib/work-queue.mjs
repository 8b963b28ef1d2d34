// The jobs `npm test`'s lanes share: every HTTP spec file, and the production smoke and restore
// drill. Each lane takes the heaviest job it may run next, so the lanes end close together
// whatever the other stages of a lane cost (a fixed split went stale as specs were added).

/**
 * A job: `{ name, weight, run, after?, group? }`. `after` is a promise the job waits for (the
 * production build and the e2e journeys); jobs of one `group` never run at the same time (each
 * boots a whole platform).
 */
export function createWorkQueue(jobs) {
  const pending = [...jobs].sort((a, b) => b.weight - a.weight)
  const busyGroups = new Set()
  const ready = new Set(pending.filter((job) => !job.after))
  /** Resolves when a job becomes ready or a group comes free, then is replaced. */
  let wake = () => {}
  let changed = new Promise((resolve) => (wake = resolve))
  const notify = () => {
    const previous = wake
    changed = new Promise((resolve) => (wake = resolve))
    previous()
  }
  for (const job of pending) {
    const release = () => {
      ready.add(job)
      notify()
    }
    job.after?.then(release, release)
  }

  function take() {
    const index = pending.findIndex(
      (job) => ready.has(job) && !(job.group && busyGroups.has(job.group))
    )
    if (index < 0) return null
    const [job] = pending.splice(index, 1)
    if (job.group) busyGroups.add(job.group)
    return job
  }

  /** Runs jobs, heaviest first, until none is left; waits while the rest cannot start yet. */
  async function drain() {
    while (pending.length > 0) {
      const job = take()
      if (!job) {
        await changed
        continue
      }
      try {
        await job.run()
      } finally {
        if (job.group) busyGroups.delete(job.group)
        notify()
      }
    }
  }

  return { drain }
}
