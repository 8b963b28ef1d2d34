import assert from "node:assert/strict"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { test } from "node:test"
import { machineCpu, machineLine } from "../machine-cpu.mjs"

const statFile = (line) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "machine-cpu-")), "stat")
  writeFileSync(file, `${line}\ncpu0 1 2 3 4\n`)
  return file
}

test("reads busy and iowait seconds from /proc/stat's first line", () => {
  // user nice system idle iowait irq softirq steal, in hundredths of a second.
  const reading = machineCpu(statFile("cpu  1000 100 400 9000 300 0 100 0 0 0"))
  assert.deepEqual({ busy: reading.busy, iowait: reading.iowait }, { busy: 16, iowait: 3 })
  assert.ok(reading.cores >= 1)
})

test("says how much of the cores the run kept busy", () => {
  const line = machineLine(
    { busy: 100, iowait: 10, cores: 2 },
    { busy: 1100, iowait: 110, cores: 2 },
    1000
  )
  assert.match(
    line,
    /^ {2}1000 s {2}machine CPU over the run: 50% of 2 cores busy, 5% waiting on I\/O/
  )
})

test("gives no line without both readings, and null for what is not /proc/stat", () => {
  assert.equal(machineLine(null, { busy: 1, iowait: 0, cores: 2 }, 10), null)
  assert.equal(machineCpu(statFile("not a stat line")), null)
  assert.equal(machineCpu("/nonexistent/stat"), null)
})

test("reads this machine's /proc/stat", () => {
  assert.ok(machineCpu().busy > 0)
})
