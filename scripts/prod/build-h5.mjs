// `node scripts/prod/build-h5.mjs [--root <copy>]`: what the mini-program H5 image builds:
// @health/contracts, then Taro's H5 build into storefront/miniprogram/dist/h5. Its back ends
// come from /runtime-config.js when it is served (start-h5.mjs), so one build serves any site.
import { existsSync } from "node:fs"
import path from "node:path"
import { buildContracts } from "./build-contracts.mjs"
import { isEntryPoint, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { buildEnvironment, runTool } from "./lib/tools.mjs"

export const h5BuildOutput = (root) =>
  path.join(root, "storefront", "miniprogram", "dist", "h5", "index.html")

export async function buildH5(root, { contracts = true } = {}) {
  if (contracts) await buildContracts(root)
  const appDir = path.join(root, "storefront", "miniprogram")
  await timed("mini-program H5 (taro build)", () =>
    runTool(process.execPath, [path.join(appDir, "scripts", "taro-build.mjs"), "h5"], {
      cwd: appDir,
      env: buildEnvironment(),
      quiet: true,
    })
  )
  if (!existsSync(h5BuildOutput(root))) {
    throw new Error(`taro build left no ${h5BuildOutput(root)}`)
  }
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => buildH5(parseArguments().root))
