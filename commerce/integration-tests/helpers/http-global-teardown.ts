// jest globalTeardown of the HTTP specs: drops the run's template database if this jest
// process migrated it (globals set in a global setup are visible in the teardown).
import { dropTemplate, TEMPLATE_ENV } from "./template-database"
import { OWNS_TEMPLATE } from "./http-global-setup"

export default async function dropHttpTemplate(): Promise<void> {
  const name = process.env[TEMPLATE_ENV]
  if (name && (globalThis as Record<string, unknown>)[OWNS_TEMPLATE]) await dropTemplate(name)
}
