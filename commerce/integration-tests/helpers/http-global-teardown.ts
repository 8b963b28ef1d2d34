// jest globalTeardown of the HTTP specs: drops the run's template database.
import { dropTemplate, TEMPLATE_ENV } from "./template-database"

export default async function dropHttpTemplate(): Promise<void> {
  const name = process.env[TEMPLATE_ENV]
  if (name) await dropTemplate(name)
}
