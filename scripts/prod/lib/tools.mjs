// How the production scripts run the apps' own tools (medusa, strapi, next, taro) inside one
// repository copy, with an environment that carries no deployment settings into a build.
import { spawn } from "node:child_process"
import path from "node:path"

export const binIn = (root, name) => path.join(root, "node_modules", ".bin", name)

/**
 * A build sees no database, URL or secret: an image is built once and configured when it runs,
 * so nothing a build bakes in may come from the machine that built it.
 */
export function buildEnvironment(extra = {}) {
  const kept = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "TERM", "NODE_OPTIONS", "CI"]
  return {
    ...Object.fromEntries(kept.filter((name) => process.env[name]).map((n) => [n, process.env[n]])),
    MEDUSA_DISABLE_TELEMETRY: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    STRAPI_TELEMETRY_DISABLED: "true",
    ...extra,
  }
}

/**
 * Runs a command to completion with exactly `env` (not merged with this process's), streaming
 * its output; rejects with the output's tail when it exits non-zero.
 */
export function runTool(command, args, { cwd, env, quiet = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    })
    let output = ""
    if (quiet) {
      child.stdout.on("data", (chunk) => (output = (output + chunk).slice(-20_000)))
      child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-20_000)))
    }
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output)
      else
        reject(
          new Error(
            `${path.basename(command)} ${args.join(" ")} (in ${cwd}) exited with ${code ?? signal}\n${output.slice(-4000)}`
          )
        )
    })
  })
}
