// `npm run typecheck`: tsc --noEmit in every workspace that has a tsconfig.json; commerce's
// generated Medusa types are written first, so a clean clone checks what a developer's does.
// The plugins share their compiler options, so they are one program
// (scripts/tsconfig.plugins.json): each alone loaded Medusa's types again.
import { existsSync } from "node:fs"
import { spawnSync } from "node:child_process"
import { at } from "./lib/paths.mjs"
import { generateMedusaTypes } from "./lib/medusa-types.mjs"
import { workspaces } from "./lib/workspaces.mjs"

export function typecheckAll({ quiet = false } = {}) {
  const results = []
  const checks = workspaces().filter(
    (dir) => existsSync(at(dir, "tsconfig.json")) && !dir.startsWith("plugins/")
  )
  for (const dir of [...checks, "plugins"]) {
    const started = Date.now()
    const seconds = () => Math.round((Date.now() - started) / 1000)
    if (dir === "commerce") {
      const types = generateMedusaTypes()
      if (!quiet)
        console.log(`${types.ok ? "✔" : "✖"} commerce/.medusa/types (${types.seconds} s)`)
      if (!types.ok) {
        results.push({
          name: "typecheck commerce (Medusa types)",
          ok: false,
          output: types.output,
          seconds: seconds(),
        })
        if (!quiet) console.log(types.output)
        continue
      }
    }
    const result = spawnSync(
      at("node_modules", ".bin", "tsc"),
      [
        "--noEmit",
        "-p",
        dir === "plugins" ? at("scripts", "tsconfig.plugins.json") : "tsconfig.json",
      ],
      {
        cwd: at(dir),
        encoding: "utf8",
      }
    )
    const ok = result.status === 0
    results.push({
      name: `typecheck ${dir}`,
      ok,
      output: `${result.stdout}${result.stderr}`,
      seconds: seconds(),
    })
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
