// How `npm test` reads a jest JSON report (--json): counts, and what must fail the run
// although jest itself passed (no test ran, a skip nobody allowed).
import path from "node:path"
import { at } from "./paths.mjs"

/**
 * The only tests that may be skipped, each for a reason its title gives (repeated in the
 * summary). Any other skipped or todo test fails the run, so a new skip cannot hide among these.
 */
export const ALLOWED_SKIPS = [
  {
    label: "Meilisearch contract",
    file: "commerce/src/modules/site-search/__tests__/provider-contract.spec.ts",
    describe: "Meilisearch provider contract",
  },
]

/**
 * `code` is jest's exit code. Returns the counts to record, the allowed skips to name in the
 * summary, and each problem that failed the stage beyond jest's own failed tests.
 */
export function readJestReport(result, code) {
  const { allowed, unexpected } = skippedTests(result)
  const problems = unexpected.map((test) => `skipped or todo test not allowed: ${test}`)
  // A stage matching no test file, or whose tests were all skipped, tested nothing.
  if (result.numPassedTests + result.numFailedTests === 0) problems.push("no test ran")
  // A suite that failed to run (syntax error, crash) has no tests but must count as a failure.
  const brokenSuites =
    result.numRuntimeErrorTestSuites +
    (code !== 0 && result.numFailedTests === 0 && problems.length === 0 ? 1 : 0)
  return {
    passed: result.numPassedTests,
    failed: result.numFailedTests + brokenSuites + problems.length,
    allowedSkips: allowed,
    problems,
    failedTests: failedTests(result),
  }
}

/**
 * "file: full test name" of each failed test, and "file: (did not run)" of each file that failed
 * without a failed test (a crash, a syntax error): the summary names them, so the tail of a long
 * log (CI's excerpt) says what broke.
 */
function failedTests(result) {
  const names = []
  for (const file of result.testResults) {
    const relative = path.relative(at(), file.name)
    const failed = file.assertionResults.filter((test) => test.status === "failed")
    for (const test of failed) names.push(`${relative}: ${test.fullName}`)
    if (failed.length === 0 && file.status === "failed") names.push(`${relative}: (did not run)`)
  }
  return names
}

function skippedTests(result) {
  const allowed = new Set()
  const unexpected = []
  for (const file of result.testResults) {
    const relative = path.relative(at(), file.name)
    for (const test of file.assertionResults) {
      if (test.status === "passed" || test.status === "failed") continue
      const rule = ALLOWED_SKIPS.find(
        (allow) =>
          allow.file === relative &&
          test.ancestorTitles[0] === allow.describe &&
          test.status === "pending"
      )
      if (rule) allowed.add(`${rule.label} (${test.title})`)
      else unexpected.push(`${relative}: ${test.fullName} (${test.status})`)
    }
  }
  return { allowed: [...allowed], unexpected }
}
