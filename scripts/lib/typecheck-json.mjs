// Runs every workspace's typecheck (scripts/typecheck.mjs) and prints the results as one JSON
// line: `npm test` runs it in a child process, since the typecheck blocks while tsc runs and
// other stages run alongside it.
import { typecheckAll } from "../typecheck.mjs"

process.stdout.write(`\n${JSON.stringify(typecheckAll({ quiet: true }))}\n`)
