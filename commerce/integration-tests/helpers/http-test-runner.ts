// The HTTP specs' test runner: Medusa's, with each spec file's database copied from the run's
// migrated template (see template-database.ts) before the runner looks for it. The runner
// then finds every migration applied and only checks that, instead of migrating from scratch.
import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner as medusaRunner } from "@medusajs/test-utils"
import { createFromTemplate, TEMPLATE_ENV } from "./template-database"

type RunnerOptions = Parameters<typeof medusaRunner>[0]

export function medusaIntegrationTestRunner(options: RunnerOptions): void {
  const template = process.env[TEMPLATE_ENV]
  // Without the global setup (a jest config that lacks it) the runner migrates as before.
  if (!template) return medusaRunner(options)
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
