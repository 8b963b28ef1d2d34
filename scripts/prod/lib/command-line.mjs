// What every scripts/prod/*.mjs shares when run as a command: which repository copy to work
// in, and whether the file is the entry point (each script is also imported as a function).
import path from "node:path"
import { fileURLToPath } from "node:url"

/** The repository these scripts live in: a clean copy's scripts build and start that copy. */
export const OWN_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..")

export function isEntryPoint(moduleUrl) {
  return !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl)
}

/** `--root <dir>` or PROD_ROOT picks another copy; positional arguments stay in order. */
export function parseArguments(argv = process.argv.slice(2)) {
  const positional = []
  const flags = new Set()
  let root = process.env.PROD_ROOT || OWN_ROOT
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root") root = argv[++i]
    else if (argv[i].startsWith("--")) flags.add(argv[i])
    else positional.push(argv[i])
  }
  return { root: path.resolve(root), positional, flags }
}

/** Runs a CLI's work, printing the error and exiting non-zero when it fails. */
export function runAsCommand(work) {
  Promise.resolve()
    .then(work)
    .then(
      (code) => process.exit(typeof code === "number" ? code : 0),
      (error) => {
        console.error(`✖ ${error?.message || String(error)}`)
        process.exit(1)
      }
    )
}

/** Runs one phase and prints how long it took. */
export async function timed(label, work) {
  const started = Date.now()
  console.log(`▸ ${label} …`)
  const result = await work()
  console.log(`✔ ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}
