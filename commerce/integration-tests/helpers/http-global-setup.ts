// jest globalSetup of the HTTP specs: migrates the template every spec file's database copies,
// unless the runner that started jest prepared one already (http-template-cli.ts) and named it.
import { dropAbandonedTemplates, migrateTemplate, TEMPLATE_ENV } from "./template-database"

export const HTTP_TEMPLATE_PREFIX = "health-http-template-"

/** Whether this jest process migrated the template, so its teardown drops it. */
export const OWNS_TEMPLATE = "__healthHttpTemplateOwned"

export default async function migrateHttpTemplate(): Promise<void> {
  if (process.env[TEMPLATE_ENV]) return
  // One template per run (the pid), so two runs on one server never share or drop each other's.
  const name = `${HTTP_TEMPLATE_PREFIX}${process.pid}`
  const started = Date.now()
  await dropAbandonedTemplates(HTTP_TEMPLATE_PREFIX)
  await migrateTemplate(name)
  // Workers start after the global setup and inherit its environment.
  process.env[TEMPLATE_ENV] = name
  ;(globalThis as Record<string, unknown>)[OWNS_TEMPLATE] = true
  process.stderr.write(
    `HTTP specs: template database ${name} migrated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
}
