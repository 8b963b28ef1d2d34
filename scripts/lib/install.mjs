import { existsSync, statSync } from "node:fs"
import { spawnSync } from "node:child_process"
import { at } from "./paths.mjs"
import { step } from "./log.mjs"

/**
 * Installs dependencies when node_modules is missing or older than the lockfile.
 * Uses only Node built-ins: it runs before anything else is installed.
 */
export function ensureDependencies() {
  const marker = at("node_modules", ".package-lock.json")
  const lock = at("package-lock.json")
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs
  if (fresh) {
    return
  }
  step("安装依赖 (npm ci) …")
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: at(),
    stdio: "inherit",
  })
  if (result.status !== 0) {
    console.error("npm ci failed; see the output above.")
    process.exit(result.status ?? 1)
  }
}
