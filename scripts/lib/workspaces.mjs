import { existsSync, readFileSync, readdirSync } from "node:fs"
import path from "node:path"
import { at } from "./paths.mjs"

/** Every workspace directory (relative to the root), expanded from package.json globs. */
export function workspaces() {
  const { workspaces: patterns } = JSON.parse(readFileSync(at("package.json"), "utf8"))
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return existsSync(at(pattern, "package.json")) ? [pattern] : []
    const parent = pattern.slice(0, -2)
    if (!existsSync(at(parent))) return []
    return readdirSync(at(parent))
      .map((name) => path.join(parent, name))
      .filter((dir) => existsSync(at(dir, "package.json")))
  })
}

export function packageJson(dir) {
  return JSON.parse(readFileSync(at(dir, "package.json"), "utf8"))
}
