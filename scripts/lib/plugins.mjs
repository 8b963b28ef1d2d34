import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { buildIfChanged } from "./build-stamp.mjs"
import { buildContracts } from "./contracts.mjs"
import { at } from "./paths.mjs"
import { run } from "./processes.mjs"

/**
 * Builds every Medusa plugin under plugins/ whose sources changed: Medusa loads a
 * plugin from its build output and silently skips one that was never built. The shared
 * @health/contracts package goes first: the plugins, commerce and the clients import its build.
 */
export async function buildPlugins() {
  await buildContracts()
  if (!existsSync(at("plugins"))) return
  for (const name of readdirSync(at("plugins"))) {
    const dir = at("plugins", name)
    if (!existsSync(path.join(dir, "package.json"))) continue
    await buildIfChanged(`plugin-${name}`, dir, path.join(dir, ".medusa", "server", "src"), () =>
      run(at("node_modules", ".bin", "medusa"), ["plugin:build"], { cwd: dir, quiet: true })
    )
  }
}
