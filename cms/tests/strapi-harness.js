// Boots the real CMS on a PostgreSQL database of its own: compiled TypeScript, no admin
// panel, no cron. One database per test file, dropped afterwards.
// The jest global setup (strapi-template.js) compiles the app once and boots it once into a
// template database (schema synced, reference and demo content seeded); each file's database
// is a copy of that template, so a file's boot skips the compile, the schema sync and the
// seed's inserts (the bootstrap still runs, and finds everything in place).
const path = require("path")
const { randomUUID } = require("crypto")
const { Client } = require("pg")
const { DIST_ENV, TEMPLATE_ENV } = require("./strapi-template-names")

const serverUrl = process.env.POSTGRES_SERVER_URL || "postgres://postgres@127.0.0.1:5432"
const appDir = path.join(__dirname, "..")

async function admin(sql) {
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`

/** The compiled app: the global setup's build, else compiled here (a run without it). */
async function appContext() {
  const distDir = process.env[DIST_ENV]
  if (distDir) return { appDir, distDir }
  const { compileStrapi } = require("@strapi/strapi")
  return compileStrapi({ appDir })
}

/**
 * Starts the CMS. The template holds the demo seed (SEED_DEMO=1); a file that boots with other
 * seed settings, or asks for `fresh`, gets an empty database and the full first boot.
 */
async function startCms({ fresh = false } = {}) {
  // The suites read the demo content, as `npm start` seeds it (SEED_DEMO=1 there too).
  if (process.env.SEED_DEMO === undefined) process.env.SEED_DEMO = "1"
  const template = process.env[TEMPLATE_ENV]
  const fromTemplate = template && !fresh && process.env.SEED_DEMO === "1"
  const database = `health_cms_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`
  await admin(
    fromTemplate
      ? `create database ${quote(database)} template ${quote(template)}`
      : `create database ${quote(database)}`
  )
  Object.assign(process.env, {
    CMS_DATABASE_URL: `${serverUrl}/${database}`,
    CMS_SERVE_ADMIN: "false",
    CRON_ENABLED: "false",
    STRAPI_TELEMETRY_DISABLED: "true",
    STRAPI_DISABLE_UPDATE_NOTIFICATION: "true",
    NODE_ENV: "test",
  })
  const { createStrapi } = require("@strapi/strapi")
  const context = await appContext()
  const strapi = await createStrapi({
    ...context,
    autoReload: false,
    serveAdminPanel: false,
  }).load()
  await strapi.server.mount()
  return {
    strapi,
    distDir: context.distDir,
    async stop() {
      await strapi.destroy()
      await admin(`drop database if exists ${quote(database)} with (force)`)
    },
  }
}

module.exports = { startCms, admin, quote, serverUrl }
