import { existsSync } from "node:fs"
import { spawnSync } from "node:child_process"
import { step } from "./log.mjs"

let updated = false

/** Installs Debian packages when we are root on Debian; returns false when we cannot. */
export function aptInstall(packages) {
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) return false
  step(`apt-get install ${packages.join(" ")} …`)
  if (!updated) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" })
    updated = true
  }
  const result = spawnSync(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", ...packages],
    {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }
  )
  return result.status === 0
}
