// `node scripts/import-circles.mjs [dir]`: fails when the TypeScript files under dir (default
// commerce/src) import each other in a circle. Type-only imports count too: a circle of types is
// still two files that cannot be understood, moved or tested apart.
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"
import { at } from "./lib/paths.mjs"

const SOURCE = /\.(ts|tsx|mts|cts)$/

function sourceFiles(dir) {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...sourceFiles(full))
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(full)
  }
  return files
}

/** Every import, export-from, `import type`, `import("…")` and require of one file, resolved. */
function importsOf(file, compilerOptions, inside) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true)
  const targets = new Set()
  for (const { fileName } of importedFiles) {
    const resolved = ts.resolveModuleName(fileName, file, compilerOptions, ts.sys).resolvedModule
    const target = resolved?.resolvedFileName
    if (target && inside(target)) targets.add(path.resolve(target))
  }
  return [...targets]
}

/** Strongly connected components of more than one file (or a file importing itself). */
function circles(graph) {
  const index = new Map()
  const low = new Map()
  const onStack = new Set()
  const stack = []
  const found = []
  let next = 0
  const visit = (node) => {
    // Iterative Tarjan: deep import chains must not overflow the call stack.
    const work = [{ node, edges: graph.get(node) ?? [], at: 0 }]
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    onStack.add(node)
    while (work.length) {
      const frame = work[work.length - 1]
      if (frame.at < frame.edges.length) {
        const to = frame.edges[frame.at++]
        if (!index.has(to)) {
          index.set(to, next)
          low.set(to, next++)
          stack.push(to)
          onStack.add(to)
          work.push({ node: to, edges: graph.get(to) ?? [], at: 0 })
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(to)))
        }
        continue
      }
      work.pop()
      if (work.length) {
        const parent = work[work.length - 1].node
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)))
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = []
        let member
        do {
          member = stack.pop()
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfImport = (graph.get(frame.node) ?? []).includes(frame.node)
        if (component.length > 1 || selfImport) found.push(component.sort())
      }
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
}

/**
 * Medusa's data models name both sides of a relation (`hasMany(() => KitEvent)` and
 * `belongsTo(() => Kit)`), so two models of one module import each other by design; the
 * references are lazy and the models live and move together. Such a pair is the only circle
 * allowed: every file in it is a model of the same module.
 */
const MODEL_FILE = /^modules\/([^/]+)\/models\/[^/]+$/
function isModelRelation(component) {
  const modules = new Set(component.map((file) => MODEL_FILE.exec(file)?.[1] ?? null))
  return !modules.has(null) && modules.size === 1
}

/**
 * The import circles under `dir`, each a sorted list of files relative to `dir`; `allowed`
 * holds the model relations (see isModelRelation), reported apart.
 */
export function importCircles(dir = at("commerce", "src")) {
  const root = path.resolve(dir)
  const configFile = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json")
  const { options } = configFile
    ? ts.parseJsonConfigFileContent(
        ts.readConfigFile(configFile, ts.sys.readFile).config,
        ts.sys,
        path.dirname(configFile)
      )
    : { options: {} }
  const inside = (file) => path.resolve(file).startsWith(root + path.sep)
  const graph = new Map()
  for (const file of sourceFiles(root)) graph.set(file, importsOf(file, options, inside))
  const all = circles(graph).map((component) => component.map((f) => path.relative(root, f)))
  return {
    files: graph.size,
    circles: all.filter((component) => !isModelRelation(component)),
    allowed: all.filter(isModelRelation),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : at("commerce", "src")
  const { files, circles: found, allowed } = importCircles(dir)
  if (!found.length) {
    console.log(
      `✔ no import circles among ${files} files under ${path.relative(at(), dir)}` +
        ` (${allowed.length} model relation pairs, allowed: ${allowed.map((c) => c.join(" ↔ ")).join("; ")})`
    )
    process.exit(0)
  }
  console.log(`✖ ${found.length} import circle(s) under ${path.relative(at(), dir)}:`)
  for (const component of found) {
    console.log(`  ${component.length} files:\n    ${component.join("\n    ")}`)
  }
  process.exit(1)
}
