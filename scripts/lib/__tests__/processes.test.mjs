// The shutdown of `npm test` and `npm start` (lib/processes.mjs), in a child process of its own
// since it ends the process it runs in.
import assert from "node:assert/strict"
import { spawnSync } from "node:child_process"
import { test } from "node:test"
import { fileURLToPath } from "node:url"

const processes = fileURLToPath(new URL("../processes.mjs", import.meta.url))

test("runs every cleanup newest first, synchronous, asynchronous or throwing, then exits with the code", () => {
  const script = `
    const { onShutdown, stopAllOnExit } = await import(${JSON.stringify(processes)})
    const shutdown = stopAllOnExit()
    onShutdown(() => console.log("cluster stopped"))
    onShutdown(() => { throw new Error("already gone") })
    onShutdown(async () => console.log("template dropped"))
    await shutdown(3)
    console.log("not reached")
  `
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  })
  assert.equal(child.stderr, "")
  assert.equal(child.stdout, "template dropped\ncluster stopped\n")
  assert.equal(child.status, 3)
})
