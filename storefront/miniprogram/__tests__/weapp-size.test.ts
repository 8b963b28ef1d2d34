import { execFileSync } from "child_process"
import { mkdirSync, mkdtempSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import path from "path"

/**
 * The main package (what WeChat downloads before the first screen) stays within a quarter
 * of its 2 MB limit; the escort and consultation pages belong in subpackages. Builds the weapp
 * output when its sources changed since the last build, else reads it.
 */
const scripts = path.join(__dirname, "..", "scripts")
const BUDGET = 512 * 1024

type Measured = {
  pages: string[]
  missingPages: string[]
  sizes: { main: number; total: number; subpackages: Record<string, number> }
  problems: string[]
}

/** Runs an ESM script of this workspace; its last output line is JSON. */
function runScript(script: string, args: string[] = []): Measured {
  const output = execFileSync(process.execPath, [path.join(scripts, script), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60_000,
  })
  return JSON.parse(output.trim().split("\n").pop()!) as Measured
}

/** A fake weapp output: app.json, one main page and one subpackage page of given sizes. */
function fakeWeapp(mainBytes: number, subBytes: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "weapp-"))
  const page = (name: string, bytes: number) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, `${name}.js`), "x".repeat(bytes))
    writeFileSync(path.join(dir, `${name}.json`), "{}")
    writeFileSync(path.join(dir, `${name}.wxml`), "<view/>")
  }
  page("pages/index/index", mainBytes)
  page("packages/escort/book/index", subBytes)
  writeFileSync(
    path.join(dir, "app.json"),
    JSON.stringify({
      pages: ["pages/index/index"],
      subPackages: [{ root: "packages/escort", pages: ["book/index"] }],
    })
  )
  return dir
}

/** measureWeapp of any directory, through a one-line ESM bridge. */
function measure(dir: string): Measured {
  const output = execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { measureWeapp } from ${JSON.stringify(path.join(scripts, "weapp-size.mjs"))}
       console.log(JSON.stringify(measureWeapp(process.argv[1])))`,
      dir,
    ],
    { encoding: "utf8" }
  )
  return JSON.parse(output) as Measured
}

describe("mini-program package size", () => {
  it("refuses a main package over 512 KB, and counts subpackages apart", () => {
    const over = measure(fakeWeapp(BUDGET + 1024, 1024 * 1024))
    expect(over.problems).toEqual([expect.stringContaining("主包")])
    expect(over.problems[0]).toContain("512.0 KB")
    const within = measure(fakeWeapp(BUDGET - 4096, 1024 * 1024))
    expect(within.problems).toEqual([])
    expect(within.sizes.subpackages["packages/escort"]).toBeGreaterThan(1024 * 1024)
  })

  it(
    "the weapp build's main package is within 25% of 2 MB, every page emitted",
    () => {
      const report = runScript("measure-weapp.mjs")
      expect(report.missingPages).toEqual([])
      expect(report.problems).toEqual([])
      expect(report.sizes.main).toBeLessThanOrEqual(BUDGET)
      // 陪诊 and its staff app live in subpackages, never in the main package.
      expect(
        report.pages.filter((p) => /escort|consult/.test(p) && p.startsWith("pages/"))
      ).toEqual([])
    },
    15 * 60_000
  )
})
