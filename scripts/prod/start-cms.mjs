// `node scripts/prod/start-cms.mjs [--root <copy>]`: what the cms image runs: `strapi start`
// from the build (cms/dist), production mode, SIGTERM passed on.
import { existsSync } from "node:fs"
import path from "node:path"
import { isEntryPoint, parseArguments, runAsCommand } from "./lib/command-line.mjs"
import { superviseServer } from "./lib/supervise.mjs"
import { binIn } from "./lib/tools.mjs"

export function startCms(root, env = process.env) {
  const cwd = path.join(root, "cms")
  if (!existsSync(path.join(cwd, "dist", "build", "index.html"))) {
    throw new Error(`没有 cms 的构建产物 (${cwd}/dist)：先运行 scripts/prod/build-cms.mjs`)
  }
  return superviseServer(binIn(root, "strapi"), ["start"], {
    cwd,
    env: { ...env, NODE_ENV: env.NODE_ENV || "production", STRAPI_TELEMETRY_DISABLED: "true" },
  })
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => startCms(parseArguments().root))
