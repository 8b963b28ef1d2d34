// `node scripts/prod/start-web.mjs [--root <copy>]`: what the web image runs:
// `next start -p $PORT` (8000 by default) from the build, SIGTERM passed on.
import { existsSync } from "node:fs"
import path from "node:path"
import { isEntryPoint, parseArguments, runAsCommand } from "./lib/command-line.mjs"
import { superviseServer } from "./lib/supervise.mjs"
import { binIn } from "./lib/tools.mjs"

export function startWeb(root, env = process.env) {
  const cwd = path.join(root, "storefront", "web")
  if (!existsSync(path.join(cwd, ".next", "BUILD_ID"))) {
    throw new Error(`没有 web 的构建产物 (${cwd}/.next)：先运行 scripts/prod/build-web.mjs`)
  }
  const port = env.PORT || "8000"
  return superviseServer(binIn(root, "next"), ["start", "-p", port], {
    cwd,
    env: { ...env, NODE_ENV: env.NODE_ENV || "production", NEXT_TELEMETRY_DISABLED: "1" },
  })
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => startWeb(parseArguments().root))
