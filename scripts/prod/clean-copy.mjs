// `node scripts/prod/clean-copy.mjs [target] [--sync]`: a clean copy of this repository, what an
// image's build stage starts from. It holds the files git lists (tracked, as modified in the
// working tree, plus untracked files git does not ignore) and nothing else: no .data, .medusa,
// .next, dist or .env*. node_modules are hard-linked copies (`cp -al`) of this checkout's, so
// no `npm ci` runs and the workspace links inside them (relative) reach the copy's own
// workspaces. `--sync` updates an earlier copy in place (changed files rewritten, removed ones
// deleted, node_modules relinked only when package-lock.json changed), keeping its build output.
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs"
import path from "node:path"
import { isEntryPoint, OWN_ROOT, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { listSourceFiles, nodeModulesDirectories } from "./lib/source-files.mjs"

export const defaultCopyDirectory = (source) =>
  path.resolve(process.env.PROD_BUILD_DIR || path.join(source, ".data", "prod-build"))

// What the copy remembers about itself, beside the files.
const stateDir = (target) => path.join(target, ".prod-copy")
const filesRecord = (target) => path.join(stateDir(target), "files.txt")
const modulesRecord = (target) => path.join(stateDir(target), "node-modules.txt")

function sameContent(a, b) {
  const statA = lstatSync(a, { throwIfNoEntry: false })
  const statB = lstatSync(b, { throwIfNoEntry: false })
  if (!statA || !statB || statA.size !== statB.size || statA.mode !== statB.mode) return false
  if (statA.isSymbolicLink() || statB.isSymbolicLink()) {
    return statA.isSymbolicLink() && statB.isSymbolicLink() && readlinkSync(a) === readlinkSync(b)
  }
  return readFileSync(a).equals(readFileSync(b))
}

function copyOne(source, target, file) {
  const from = path.join(source, file)
  const to = path.join(target, file)
  if (sameContent(from, to)) return false
  mkdirSync(path.dirname(to), { recursive: true })
  rmSync(to, { force: true })
  if (lstatSync(from).isSymbolicLink()) symlinkSync(readlinkSync(from), to)
  else copyFileSync(from, to)
  return true
}

/** Hard-links each node_modules folder into the copy, all at once (it is metadata work). */
async function linkNodeModules(source, target, dirs) {
  await Promise.all(
    dirs.map(async (dir) => {
      rmSync(path.join(target, dir), { recursive: true, force: true })
      mkdirSync(path.dirname(path.join(target, dir)), { recursive: true })
      const { code, stderr } = await new Promise((resolve) => {
        const child = spawn("cp", ["-al", path.join(source, dir), path.join(target, dir)], {
          stdio: ["ignore", "ignore", "pipe"],
        })
        let errors = ""
        child.stderr.on("data", (chunk) => (errors += chunk))
        child.on("exit", (exitCode) => resolve({ code: exitCode, stderr: errors }))
      })
      if (code !== 0) throw new Error(`cp -al ${dir} failed: ${stderr}`)
    })
  )
}

/** Makes (or with `sync`, updates) the copy; returns the listed files. */
export async function cleanCopy({
  source = OWN_ROOT,
  target = defaultCopyDirectory(source),
  sync = false,
} = {}) {
  source = path.resolve(source)
  target = path.resolve(target)
  if (target === source) throw new Error("the copy must not be the repository itself")
  const files = listSourceFiles(source)
  const modulesDirs = nodeModulesDirectories(source, files)
  // The node_modules a copy links are those of this package-lock.json.
  const modulesStamp = createHash("sha256")
    .update(readFileSync(path.join(source, "package-lock.json")))
    .update(modulesDirs.join("\n"))
    .digest("hex")
  const reusable = sync && existsSync(filesRecord(target))

  await timed(reusable ? `sync copy at ${target}` : `clean copy at ${target}`, async () => {
    if (!reusable) rmSync(target, { recursive: true, force: true })
    mkdirSync(stateDir(target), { recursive: true })
    let changed = 0
    for (const file of files) if (copyOne(source, target, file)) changed += 1
    let removed = 0
    if (reusable) {
      const listed = new Set(files)
      for (const file of readFileSync(filesRecord(target), "utf8").split("\n").filter(Boolean)) {
        if (!listed.has(file)) {
          rmSync(path.join(target, file), { force: true })
          removed += 1
        }
      }
    }
    writeFileSync(filesRecord(target), `${files.join("\n")}\n`)
    console.log(`  ${files.length} files, ${changed} written, ${removed} removed`)
  })

  const linked = existsSync(modulesRecord(target)) && readFileSync(modulesRecord(target), "utf8")
  if (!reusable || linked !== modulesStamp) {
    await timed(`hard-link ${modulesDirs.join(", ")}`, async () => {
      rmSync(modulesRecord(target), { force: true })
      await linkNodeModules(source, target, modulesDirs)
      writeFileSync(modulesRecord(target), modulesStamp)
    })
  }
  return { target, files }
}

if (isEntryPoint(import.meta.url)) {
  const { root, positional, flags } = parseArguments()
  runAsCommand(async () => {
    await cleanCopy({
      source: root,
      target: positional[0] || defaultCopyDirectory(root),
      sync: flags.has("--sync"),
    })
  })
}
