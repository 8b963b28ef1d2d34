// Boots the real CMS on a fresh PostgreSQL database: compiled TypeScript, no admin
// panel, no cron. One database per run, dropped afterwards.
const path = require("path")
const { randomUUID } = require("crypto")
const { Client } = require("pg")

const serverUrl = process.env.POSTGRES_SERVER_URL || "postgres://postgres@127.0.0.1:5432"

async function admin(sql) {
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

async function startCms() {
  // The suites read the demo content, as `npm start` seeds it (SEED_DEMO=1 there too).
  if (process.env.SEED_DEMO === undefined) process.env.SEED_DEMO = "1"
  const database = `health_cms_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`
  await admin(`create database "${database}"`)
  Object.assign(process.env, {
    CMS_DATABASE_URL: `${serverUrl}/${database}`,
    CMS_SERVE_ADMIN: "false",
    CRON_ENABLED: "false",
    STRAPI_TELEMETRY_DISABLED: "true",
    STRAPI_DISABLE_UPDATE_NOTIFICATION: "true",
    NODE_ENV: "test",
  })
  const { compileStrapi, createStrapi } = require("@strapi/strapi")
  const appDir = path.join(__dirname, "..")
  const appContext = await compileStrapi({ appDir })
  const strapi = await createStrapi({
    ...appContext,
    autoReload: false,
    serveAdminPanel: false,
  }).load()
  await strapi.server.mount()
  return {
    strapi,
    distDir: appContext.distDir,
    async stop() {
      await strapi.destroy()
      await admin(`drop database if exists "${database}" with (force)`)
    },
  }
}

module.exports = { startCms }
