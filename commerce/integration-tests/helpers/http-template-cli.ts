// The HTTP specs' template database for a runner that starts many jest processes (npm test
// runs each spec file in its own): `prepare <name>` migrates it once before they start, and
// `drop <name>` removes it after. Each process's global setup finds it named in the
// environment and neither migrates nor drops it.
import { dropAbandonedTemplates, dropTemplate, migrateTemplate } from "./template-database"
import { HTTP_TEMPLATE_PREFIX } from "./http-global-setup"

async function main(command: string | undefined, name: string | undefined) {
  if (!name?.startsWith(HTTP_TEMPLATE_PREFIX))
    throw new Error(`usage: http-template-cli prepare|drop ${HTTP_TEMPLATE_PREFIX}<pid>`)
  if (command === "prepare") {
    await dropAbandonedTemplates(HTTP_TEMPLATE_PREFIX)
    await migrateTemplate(name)
  } else if (command === "drop") await dropTemplate(name)
  else throw new Error(`unknown command ${command}`)
}

main(process.argv[2], process.argv[3]).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
