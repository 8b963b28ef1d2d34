// The HTTP specs' test runner: Medusa's, with each spec file's database copied from the run's
// migrated template (see template-database.ts) before the runner looks for it. The runner
// then finds every migration applied and only checks that, instead of migrating from scratch.
import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner as medusaRunner } from "@medusajs/test-utils"
import { restoreFromCopiesMadeAhead } from "./restore-ahead"
import { createFromTemplate, TEMPLATE_ENV } from "./template-database"

type RunnerOptions = Parameters<typeof medusaRunner>[0]

// No spec asks the app for its admin UI, and serving it loads the admin bundler (Vite and
// its dependencies) into every spec file's process: about 4 s of CPU a file. Set before the
// runner loads medusa-config.ts, which reads it.
process.env.MEDUSA_ADMIN_DISABLED ??= "true"

type MedusaRunnerDatabaseSteps = {
  migrateDatabase: (...args: unknown[]) => Promise<void>
  syncLinks: (...args: unknown[]) => Promise<void>
}

/**
 * On a copy of the run's template, Medusa's runner would check every module's migrations and
 * plan every link table again: two thirds of a file's setup, to confirm what `medusa db:migrate`
 * did into the template from this same checkout minutes before. Both steps become no-ops here
 * (the runner reads them from this module's exports at call time). A template that lacked a
 * table would fail the specs that need it, loudly, rather than be patched up per file.
 */
function skipChecksTheTemplateAnswers() {
  const steps: MedusaRunnerDatabaseSteps = require("@medusajs/test-utils/dist/medusa-test-runner-utils/use-db")
  steps.migrateDatabase = async () => {}
  steps.syncLinks = async () => {}
}

/** Set while spec-group.ts loads several spec files: their runner calls are collected, not run. */
export const GROUP_KEY = "__healthHttpSpecGroup"
export type GroupMember = { name?: string; options: RunnerOptions }

export function medusaIntegrationTestRunner(options: RunnerOptions): void {
  const group = (globalThis as Record<string, unknown>)[GROUP_KEY] as GroupMember[] | undefined
  if (group) {
    group.push({ options })
    return
  }
  const template = process.env[TEMPLATE_ENV]
  // Without the global setup (a jest config that lacks it) the runner migrates as before.
  if (!template) return medusaRunner(options)
  skipChecksTheTemplateAnswers()
  const restores = restoreFromCopiesMadeAhead()
  // After the runner's own afterAll (a nested describe's), which drops the snapshot. Its own
  // timeout: the copies and drops it waits for are disk work, slow on a busy machine.
  afterAll(() => restores.close(), 300_000)
  const dbName =
    options.dbName ?? `health-http-${process.env.JEST_WORKER_ID || 1}-${randomUUID().slice(0, 8)}`
  return medusaRunner({
    ...options,
    dbName,
    hooks: {
      ...options.hooks,
      beforeServerStart: async (container) => {
        await createFromTemplate(dbName, template)
        await options.hooks?.beforeServerStart?.(container)
      },
    },
  })
}
