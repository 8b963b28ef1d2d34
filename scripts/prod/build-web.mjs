// `node scripts/prod/build-web.mjs [--root <copy>]`: what the web image builds:
// @health/contracts (storefront/core compiles in from source), then `next build`.
// The web reads its back ends and keys when it runs (start-web.mjs), not here.
import { existsSync } from "node:fs"
import path from "node:path"
import { buildContracts } from "./build-contracts.mjs"
import { isEntryPoint, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { binIn, buildEnvironment, runTool } from "./lib/tools.mjs"

export const webBuildOutput = (root) => path.join(root, "storefront", "web", ".next", "BUILD_ID")

export async function buildWeb(root, { contracts = true } = {}) {
  if (contracts) await buildContracts(root)
  await timed("web (next build)", () =>
    runTool(binIn(root, "next"), ["build"], {
      cwd: path.join(root, "storefront", "web"),
      env: buildEnvironment({
        NODE_ENV: "production",
        // npm test's typecheck stage checked the web already, before this build started.
        ...(process.env.HEALTH_WEB_TYPECHECKED === "1" && { HEALTH_WEB_TYPECHECKED: "1" }),
      }),
      quiet: true,
    })
  )
  if (!existsSync(webBuildOutput(root))) {
    throw new Error(`next build left no ${webBuildOutput(root)}`)
  }
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => buildWeb(parseArguments().root))
