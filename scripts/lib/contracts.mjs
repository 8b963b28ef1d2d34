import path from "node:path"
import { buildIfChanged } from "./build-stamp.mjs"
import { at } from "./paths.mjs"
import { run } from "./processes.mjs"

/** Where @health/contracts lives; the apps that compile it in fingerprint it too. */
export const CONTRACTS_DIR = at("commerce", "contracts")

/**
 * Builds @health/contracts (commerce/contracts) when its sources changed. Commerce runs its
 * CommonJS build and the admin, web and mini-program bundle its ES build, so nothing that
 * imports it works from the sources alone. `npm ci` builds it too (its prepare script).
 */
export async function buildContracts() {
  await buildIfChanged(
    "contracts",
    CONTRACTS_DIR,
    path.join(CONTRACTS_DIR, "dist", "cjs", "index.js"),
    () =>
      run(process.execPath, [path.join(CONTRACTS_DIR, "scripts", "build.mjs")], {
        cwd: CONTRACTS_DIR,
        quiet: true,
      })
  )
}
