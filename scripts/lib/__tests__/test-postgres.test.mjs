// npm test's own PostgreSQL cluster (lib/test-postgres.mjs): it starts, answers, counts the CPU
// its backends used (the timing table's PostgreSQL line), and leaves nothing behind.
import assert from "node:assert/strict"
import { existsSync } from "node:fs"
import { test } from "node:test"
import pg from "pg"
import { startTestPostgres } from "../test-postgres.mjs"

test("starts a cluster, counts its backends' CPU, and removes it on stop", async () => {
  const cluster = await startTestPostgres()
  assert.ok(cluster, "this machine has PostgreSQL's binaries (npm test needs them)")
  let dataDir
  try {
    const client = new pg.Client({ connectionString: `${cluster.serverUrl}/postgres` })
    await client.connect()
    dataDir = (await client.query("show data_directory")).rows[0].data_directory
    // About a second or more of one backend's CPU; its time counts once it has exited.
    await client.query("select count(*) from generate_series(1, 20000000)")
    await client.end()
    let seconds = 0
    for (let i = 0; i < 40 && seconds < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      seconds = cluster.cpuSeconds()
    }
    assert.ok(seconds >= 1, `expected at least 1 s of CPU, got ${seconds}`)
  } finally {
    cluster.stop()
  }
  assert.equal(existsSync(dataDir), false)
  const after = new pg.Client({ connectionString: `${cluster.serverUrl}/postgres` })
  await assert.rejects(after.connect())
})
