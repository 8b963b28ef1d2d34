// `node scripts/prod/build-cms.mjs [--root <copy>]`: what the cms image builds: Strapi's
// server and admin panel (`strapi build`, production mode) into cms/dist.
import { existsSync } from "node:fs"
import path from "node:path"
import { isEntryPoint, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { binIn, buildEnvironment, runTool } from "./lib/tools.mjs"

export const cmsBuildOutput = (root) => path.join(root, "cms", "dist", "build", "index.html")

export async function buildCms(root) {
  await timed("cms (strapi build)", () =>
    runTool(binIn(root, "strapi"), ["build"], {
      cwd: path.join(root, "cms"),
      env: buildEnvironment({ NODE_ENV: "production" }),
      quiet: true,
    })
  )
  if (!existsSync(cmsBuildOutput(root))) {
    throw new Error(`strapi build left no admin at ${cmsBuildOutput(root)}`)
  }
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => buildCms(parseArguments().root))
