// Several HTTP spec files in one jest process and one booted app. Booting Medusa costs a spec
// file about 13 s of CPU and 25 to 50 s of its time on a busy machine, two fifths of the HTTP
// lane; `npm test` runs most files in groups (scripts/lib/http-spec-groups.mjs) while each file
// still runs alone with `jest --runTestsByPath`. Every file still starts on the database it would
// have had alone: the booted app's database is kept as a base, each file's `beforeAll` hooks run
// on a fresh copy of it, and Medusa's runner then restores that file's own snapshot before each
// of its tests, as it does for a file alone.
import path from "node:path"
import { GROUP_KEY, type GroupMember, medusaIntegrationTestRunner } from "./http-test-runner"

type PostgresTemplateSteps = {
  createPostgresDatabaseTemplate: (names: DatabaseAndTemplate) => Promise<void>
  restorePostgresDatabaseFromTemplate: (names: DatabaseAndTemplate) => Promise<void>
  dropPostgresDatabaseTemplate: (templateName: string) => Promise<void>
}
type DatabaseAndTemplate = { databaseName: string; templateName: string }

const HTTP_DIR = path.join(__dirname, "..", "http")

/** The spec files' runner calls, in order, each with the file's name. */
function loadMembers(names: string[]): GroupMember[] {
  const members: GroupMember[] = []
  const envSetBy = new Map<string, { name: string; value: string | undefined }>()
  const globals = globalThis as Record<string, unknown>
  globals[GROUP_KEY] = members
  try {
    for (const name of names) {
      const before = { ...process.env }
      require(path.join(HTTP_DIR, `${name}.spec.ts`))
      if (members.length === 0 || members[members.length - 1].name !== undefined) {
        throw new Error(`${name}.spec.ts: expected one medusaIntegrationTestRunner call`)
      }
      members[members.length - 1].name = name
      // A variable two files set differently at load time would hold the later value for
      // both: such files cannot share an app.
      for (const key of new Set([...Object.keys(before), ...Object.keys(process.env)])) {
        if (process.env[key] === before[key]) continue
        const earlier = envSetBy.get(key)
        if (earlier && earlier.value !== process.env[key]) {
          throw new Error(
            `${name}.spec.ts and ${earlier.name}.spec.ts set ${key} differently: run them apart`
          )
        }
        envSetBy.set(key, { name, value: process.env[key] })
      }
    }
  } finally {
    delete globals[GROUP_KEY]
  }
  return members
}

/** The runner options every member passed, merged; any other option cannot be shared. */
function sharedEnv(members: GroupMember[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const { name, options } of members) {
    const { testSuite: _suite, inApp: _inApp, env: own = {}, ...rest } = options
    if (Object.keys(rest).length) {
      throw new Error(`${name}.spec.ts passes ${Object.keys(rest).join(", ")}: run it alone`)
    }
    for (const [key, value] of Object.entries(own as Record<string, string>)) {
      if (key in env && env[key] !== value) {
        throw new Error(`${name}.spec.ts sets ${key} differently from another file: run it apart`)
      }
      env[key] = value
    }
  }
  return env
}

/** Runs the named spec files (`integration-tests/http/<name>.spec.ts`) on one app, in order. */
export function runSpecFilesTogether(names: string[]): void {
  const members = loadMembers(names)
  const env = sharedEnv(members)
  // Each file set its own default test timeout at load time, the last one for all: the
  // longest any file sets.
  jest.setTimeout(600_000)
  const steps: PostgresTemplateSteps = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")
  medusaIntegrationTestRunner({
    inApp: true,
    env,
    testSuite: (context) => {
      const databaseName = context.dbConfig.dbName
      const base = () => ({ databaseName, templateName: `${databaseName}-group-base` })
      // Medusa's runner restores `<db>-template` before each test but a file's first.
      const fileSnapshot = () => ({ databaseName, templateName: `${databaseName}-template` })
      let skipRunnerRestore = false
      let snapshotBeforeNextTest = false
      // Read at call time, after restore-ahead.ts installed its own: wraps it.
      const restore = steps.restorePostgresDatabaseFromTemplate
      steps.restorePostgresDatabaseFromTemplate = async (names) => {
        if (skipRunnerRestore && names.templateName === fileSnapshot().templateName) {
          skipRunnerRestore = false
          return
        }
        await restore(names)
      }

      beforeAll(() => steps.createPostgresDatabaseTemplate(base()), 300_000)
      // After the runner's own afterAll (registered before this suite), which stops the app.
      afterAll(() => steps.dropPostgresDatabaseTemplate(base().templateName), 300_000)

      members.forEach(({ name, options }, index) => {
        describe(name ?? `file ${index + 1}`, () => {
          if (index > 0) {
            // The database as the app booted it, before this file's own beforeAll hooks; the
            // runner's restore before its first test would undo them, so it is skipped and
            // this file's snapshot is taken there instead, as the runner does for a file alone.
            beforeAll(async () => {
              await steps.restorePostgresDatabaseFromTemplate(base())
              skipRunnerRestore = true
              snapshotBeforeNextTest = true
            }, 300_000)
            beforeEach(async () => {
              if (!snapshotBeforeNextTest) return
              snapshotBeforeNextTest = false
              await steps.createPostgresDatabaseTemplate(fileSnapshot())
            }, 300_000)
          }
          options.testSuite(context)
        })
      })
    },
  })
}
