// `npm run typecheck`: tsc --noEmit in every workspace that has a tsconfig.json.
import { existsSync } from "node:fs"
import { spawnSync } from "node:child_process"
import { at } from "./lib/paths.mjs"
import { workspaces } from "./lib/workspaces.mjs"

export function typecheckAll({ quiet = false } = {}) {
  const results = []
  for (const dir of workspaces()) {
    if (!existsSync(at(dir, "tsconfig.json"))) continue
    const result = spawnSync(
      at("node_modules", ".bin", "tsc"),
      ["--noEmit", "-p", "tsconfig.json"],
      {
        cwd: at(dir),
        encoding: "utf8",
      }
    )
    const ok = result.status === 0
    results.push({ name: `typecheck ${dir}`, ok, output: `${result.stdout}${result.stderr}` })
    if (!quiet) {
      console.log(`${ok ? "✔" : "✖"} tsc --noEmit ${dir}`)
      if (!ok) console.log(result.stdout + result.stderr)
    }
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // commerce imports the plugins' build output.
  const { buildPlugins } = await import("./lib/plugins.mjs")
  await buildPlugins()
  const failed = typecheckAll().filter((r) => !r.ok)
  process.exit(failed.length ? 1 : 0)
}
