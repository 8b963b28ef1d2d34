// `node scripts/prod/build-contracts.mjs [--root <copy>]`: builds @health/contracts
// (commerce/contracts), which commerce, its plugins, the web and the H5 all import built.
import path from "node:path"
import { isEntryPoint, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { buildEnvironment, runTool } from "./lib/tools.mjs"

export async function buildContracts(root) {
  const dir = path.join(root, "commerce", "contracts")
  await timed("contracts", () =>
    runTool(process.execPath, [path.join(dir, "scripts", "build.mjs")], {
      cwd: dir,
      env: buildEnvironment(),
      quiet: true,
    })
  )
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => buildContracts(parseArguments().root))
