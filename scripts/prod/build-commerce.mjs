// `node scripts/prod/build-commerce.mjs [--root <copy>]`: what the commerce image builds.
// @health/contracts, then every plugin under plugins/ (Medusa silently skips a plugin that was
// never built, and its routes 404), then `medusa build` (server and admin) into
// commerce/.medusa/server. Nothing here reads a deployment setting: the image is configured
// when it starts (start-commerce.mjs).
import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { buildContracts } from "./build-contracts.mjs"
import { isEntryPoint, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { binIn, buildEnvironment, runTool } from "./lib/tools.mjs"

export const commerceBuildOutput = (root) =>
  path.join(root, "commerce", ".medusa", "server", "public", "admin", "index.html")

export function pluginDirectories(root) {
  const plugins = path.join(root, "plugins")
  if (!existsSync(plugins)) return []
  return readdirSync(plugins)
    .map((name) => path.join(plugins, name))
    .filter((dir) => existsSync(path.join(dir, "package.json")))
}

export async function buildCommerce(root) {
  await buildContracts(root)
  for (const dir of pluginDirectories(root)) {
    await timed(`plugin ${path.basename(dir)}`, () =>
      runTool(binIn(root, "medusa"), ["plugin:build"], {
        cwd: dir,
        env: buildEnvironment(),
        quiet: true,
      })
    )
  }
  await timed("commerce (medusa build)", () =>
    runTool(binIn(root, "medusa"), ["build"], {
      cwd: path.join(root, "commerce"),
      env: buildEnvironment(),
      quiet: true,
    })
  )
  if (!existsSync(commerceBuildOutput(root))) {
    throw new Error(`medusa build left no admin at ${commerceBuildOutput(root)}`)
  }
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => buildCommerce(parseArguments().root))
