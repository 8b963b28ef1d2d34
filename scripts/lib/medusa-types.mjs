// Medusa types its `query.graph` and container from generated files in commerce/.medusa/types,
// which `medusa build`/`start` write and a clean clone lacks. The typecheck writes them itself,
// so every machine and CI check against the same (strict) types. Needs the plugins built, no
// database (the same schema-only load `medusa build` does). About 4 s.
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { at } from "./paths.mjs"

const THIS_FILE = fileURLToPath(import.meta.url)

/** Regenerates commerce/.medusa/types in a child process (it registers ts-node for the config). */
export function generateMedusaTypes() {
  const started = Date.now()
  const result = spawnSync(process.execPath, [THIS_FILE], {
    cwd: at("commerce"),
    encoding: "utf8",
  })
  return {
    ok: result.status === 0,
    output: `${result.stdout}${result.stderr}`,
    seconds: (Date.now() - started) / 1000,
  }
}

async function generateHere() {
  const directory = process.cwd()
  const require = createRequire(path.join(directory, "package.json"))
  // medusa-config.ts and the app's modules are TypeScript, loaded the way the medusa CLI does.
  require("ts-node").register({})
  const { initializeContainer } = require("@medusajs/medusa/loaders/index")
  const { generateTypes } = require("@medusajs/medusa/commands/utils/generate-types")
  const container = await initializeContainer(directory, {
    skipDbConnection: true,
    throwOnValidationError: false,
  })
  await generateTypes({ directory, container, logger: container.resolve("logger") })
}

if (process.argv[1] === THIS_FILE) {
  generateHere().then(
    () => process.exit(0),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
