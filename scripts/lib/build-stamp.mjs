import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import { DATA_DIR } from "./paths.mjs"

const SKIP = new Set([
  "node_modules",
  ".medusa",
  ".next",
  "dist",
  "build",
  ".strapi",
  ".cache",
  ".tmp",
  "static",
  "uploads",
  "private-uploads",
  // Written by the builds and servers themselves (Next's type stub, Strapi's update check):
  // counting them made every build look stale to the next check.
  "next-env.d.ts",
  ".strapi-updater.json",
  "__tests__",
  "integration-tests",
  "coverage",
  "artifacts",
])

/** A fingerprint of an app's sources (paths, sizes, mtimes), to rebuild only when they change. */
function fingerprint(dir) {
  const hash = createHash("sha1")
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      if (SKIP.has(entry.name)) continue
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        // Tests running alongside may remove a file between the listing and its stat.
        const stat = statSync(full, { throwIfNoEntry: false })
        if (stat) hash.update(`${path.relative(dir, full)}:${stat.size}:${stat.mtimeMs}\n`)
      }
    }
  }
  walk(dir)
  return hash.digest("hex")
}

/**
 * Runs `build` unless the sources (one directory or several, e.g. an app and the
 * workspace packages it compiles in) are unchanged since the last successful build
 * and `output` exists.
 */
export async function buildIfChanged(name, dirs, output, build) {
  const stampFile = path.join(DATA_DIR, "build-stamps", `${name}.txt`)
  const current = [dirs].flat().map(fingerprint).join(",")
  const previous = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : ""
  if (previous === current && existsSync(output)) return false
  await build()
  mkdirSync(path.dirname(stampFile), { recursive: true })
  writeFileSync(stampFile, current)
  return true
}
