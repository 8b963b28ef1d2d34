// Builds the apps the e2e stack serves (commerce with its admin, cms, web, the mini-program's
// H5) without starting anything: `npm test` runs this in a child process while other stages
// run, and the e2e stage's own boot finds the builds current (lib/build-stamp.mjs) and skips
// them. Exits non-zero when a build fails.
import { bootStack } from "./stack.mjs"

try {
  await bootStack({ mode: "test", echo: false, buildOnly: true })
  process.exit(0)
} catch (error) {
  console.error(error?.stack || error)
  process.exit(1)
}
