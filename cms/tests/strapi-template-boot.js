// The global setup's child: compiles the CMS, boots it on the template database with the demo
// seed, stops it, and prints the dist folder on a line of its own.
const path = require("path")
const { serverUrl } = require("./strapi-harness")

async function main() {
  Object.assign(process.env, {
    SEED_DEMO: "1",
    CMS_DATABASE_URL: `${serverUrl}/${process.env.HEALTH_CMS_TEMPLATE_DB}`,
    CMS_SERVE_ADMIN: "false",
    CRON_ENABLED: "false",
    STRAPI_TELEMETRY_DISABLED: "true",
    STRAPI_DISABLE_UPDATE_NOTIFICATION: "true",
    COMMERCE_CMS_HOOK_URL: "off",
    NODE_ENV: "test",
  })
  const { compileStrapi, createStrapi } = require("@strapi/strapi")
  const context = await compileStrapi({ appDir: path.join(__dirname, "..") })
  const strapi = await createStrapi({
    ...context,
    autoReload: false,
    serveAdminPanel: false,
  }).load()
  await strapi.destroy()
  process.stdout.write(`\ndist=${context.distDir}\n`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
