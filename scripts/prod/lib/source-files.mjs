// Which files make up the repository as an image sees it, and fingerprints of them.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, lstatSync, readFileSync } from "node:fs"
import path from "node:path"

// Build output, local data and local settings never travel into a copy (nor into an image).
const EXCLUDED_SEGMENTS = new Set([".data", ".medusa", ".next", "dist", "node_modules"])
const excluded = (file) =>
  file.split("/").some((segment) => EXCLUDED_SEGMENTS.has(segment)) ||
  path.basename(file).startsWith(".env")

/**
 * Tracked files as they are in the working tree (modified ones included), plus untracked files
 * git does not ignore, so a new file nobody committed yet is built as well.
 */
export function listSourceFiles(root) {
  const result = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }
  )
  if (result.status !== 0) throw new Error(`git ls-files failed in ${root}: ${result.stderr}`)
  const files = new Set(result.stdout.split("\0").filter(Boolean))
  return [...files]
    .filter((file) => !excluded(file))
    .filter((file) => {
      const stat = lstatSync(path.join(root, file), { throwIfNoEntry: false })
      return stat && (stat.isFile() || stat.isSymbolicLink())
    })
    .sort()
}

/** Workspace folders (root package.json `workspaces`, `dir/*` patterns expanded). */
export function workspaceDirectories(root, files) {
  const { workspaces = [] } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"))
  const dirs = new Set()
  for (const pattern of workspaces) {
    if (!pattern.endsWith("/*")) {
      dirs.add(pattern)
      continue
    }
    const parent = pattern.slice(0, -1)
    for (const file of files) {
      const match =
        file.startsWith(parent) && file.slice(parent.length).match(/^([^/]+)\/package\.json$/)
      if (match) dirs.add(parent + match[1])
    }
  }
  return [...dirs]
}

/** node_modules folders a copy needs: the root's and any a workspace keeps for itself. */
export function nodeModulesDirectories(root, files) {
  return ["", ...workspaceDirectories(root, files)]
    .map((dir) => path.join(dir, "node_modules"))
    .filter((dir) => existsSync(path.join(root, dir)))
}

/** A content fingerprint of the listed files under the given folders (and single files). */
export function fingerprintFiles(root, files, prefixes) {
  const hash = createHash("sha256")
  for (const file of files) {
    if (!prefixes.some((prefix) => file === prefix || file.startsWith(`${prefix}/`))) continue
    hash.update(`${file}\0`)
    hash.update(readFileSync(path.join(root, file)))
    hash.update("\0")
  }
  return hash.digest("hex")
}
