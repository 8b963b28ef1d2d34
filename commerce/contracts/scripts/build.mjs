// Builds dist/ twice from the same sources: CommonJS for Node (commerce's Medusa runtime and
// every jest), ES modules for bundlers (the Medusa admin's Vite, Next, Taro's webpack), with
// one set of type declarations. Vite does not convert CommonJS from a linked workspace
// package, so the admin needs the ES build; Medusa's runtime needs the CommonJS one.
import { rmSync, writeFileSync } from "node:fs"
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
const common = ["-p", "tsconfig.build.json", "--noEmit", "false", "--sourceMap", "false"]

function compile(args) {
  const result = spawnSync(process.execPath, [tsc, ...common, ...args], {
    cwd: root,
    stdio: "inherit",
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

rmSync(path.join(root, "dist"), { recursive: true, force: true })
compile([
  "--module",
  "commonjs",
  "--moduleResolution",
  "node10",
  "--outDir",
  "dist/cjs",
  "--declaration",
  "--declarationDir",
  "dist/types",
])
compile(["--module", "es2020", "--moduleResolution", "bundler", "--outDir", "dist/esm"])
writeFileSync(path.join(root, "dist", "esm", "package.json"), '{ "type": "module" }\n')
