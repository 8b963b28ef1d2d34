// How npm test reads a jest JSON report (lib/jest-report.mjs): the counts, and the failed tests
// the summary names last.
import assert from "node:assert/strict"
import { test } from "node:test"
import { readJestReport } from "../jest-report.mjs"
import { at } from "../paths.mjs"

function report(files) {
  const tests = files.flatMap((file) => file.assertionResults)
  const count = (status) => tests.filter((t) => t.status === status).length
  return {
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numRuntimeErrorTestSuites: files.filter(
      (f) => f.status === "failed" && f.assertionResults.length === 0
    ).length,
    testResults: files,
  }
}

const testOf = (title, status) => ({
  title,
  fullName: `checkout ${title}`,
  ancestorTitles: ["checkout"],
  status,
})

test("names each failed test by its file and full name, and a file that crashed before its tests", () => {
  const result = readJestReport(
    report([
      {
        name: at("e2e", "journeys", "coupon.spec.ts"),
        status: "failed",
        assertionResults: [testOf("applies a code", "failed"), testOf("shows the total", "passed")],
      },
      { name: at("e2e", "journeys", "broken.spec.ts"), status: "failed", assertionResults: [] },
    ]),
    1
  )
  assert.equal(result.passed, 1)
  assert.equal(result.failed, 2)
  assert.deepEqual(result.failedTests, [
    "e2e/journeys/coupon.spec.ts: checkout applies a code",
    "e2e/journeys/broken.spec.ts: (did not run)",
  ])
})

test("a passing report names no failed test", () => {
  const result = readJestReport(
    report([
      {
        name: at("e2e", "journeys", "coupon.spec.ts"),
        status: "passed",
        assertionResults: [testOf("applies a code", "passed")],
      },
    ]),
    0
  )
  assert.deepEqual(result.failedTests, [])
  assert.equal(result.failed, 0)
})
