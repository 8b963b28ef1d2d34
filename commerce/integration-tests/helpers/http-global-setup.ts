// jest globalSetup of the HTTP specs: migrates the template every spec file's database copies.
import { dropAbandonedTemplates, migrateTemplate, TEMPLATE_ENV } from "./template-database"

const PREFIX = "health-http-template-"

export default async function migrateHttpTemplate(): Promise<void> {
  // One template per run (the pid), so two runs on one server never share or drop each other's.
  const name = `${PREFIX}${process.pid}`
  const started = Date.now()
  await dropAbandonedTemplates(PREFIX)
  await migrateTemplate(name)
  // Workers start after the global setup and inherit its environment.
  process.env[TEMPLATE_ENV] = name
  process.stderr.write(
    `HTTP specs: template database ${name} migrated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
}
