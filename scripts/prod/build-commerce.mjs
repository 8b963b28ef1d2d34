// `node scripts/prod/build-commerce.mjs [--root <copy>]`: what the commerce image builds.
// @health/contracts, then every plugin under plugins/ (Medusa silently skips a plugin that was
// never built, and its routes 404), then `medusa build` (server and admin) into
// commerce/.medusa/server. Nothing here reads a deployment setting: the image is configured
// when it starts (start-commerce.mjs).
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs"
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

/**
 * `pluginBuildsFrom`: a checkout holding current builds of these same plugin sources, whose
 * output is copied instead of building each plugin again (the dev and test stacks).
 */
export async function buildCommerce(root, { pluginBuildsFrom } = {}) {
  await buildContracts(root)
  for (const dir of pluginDirectories(root)) {
    const built = pluginBuildsFrom && path.join(pluginBuildsFrom, "plugins", path.basename(dir))
    if (built && existsSync(path.join(built, ".medusa", "server", "src"))) {
      rmSync(path.join(dir, ".medusa"), { recursive: true, force: true })
      cpSync(path.join(built, ".medusa"), path.join(dir, ".medusa"), { recursive: true })
      console.log(`✔ plugin ${path.basename(dir)}: build output taken from ${built}`)
      continue
    }
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
