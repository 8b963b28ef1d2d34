// jest globalSetup: compiles the CMS once and boots it once into a template database, in a
// child process (Strapi keeps handles open that jest's own process must not inherit).
const path = require("path")
const { spawnSync } = require("child_process")
const { Client } = require("pg")
const { admin, quote, serverUrl } = require("./strapi-harness")
const { DIST_ENV, TEMPLATE_ENV, TEMPLATE_PREFIX } = require("./strapi-template-names")

/** Templates left by runs that were killed before their teardown (their pid is gone). */
async function dropAbandonedTemplates() {
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  let names
  try {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [TEMPLATE_PREFIX]
    )
    names = rows.map((row) => row.datname)
  } finally {
    await client.end()
  }
  const alive = (pid) => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
  for (const name of names) {
    if (!alive(Number(name.slice(TEMPLATE_PREFIX.length))))
      await admin(`drop database if exists ${quote(name)} with (force)`)
  }
}

module.exports = async function prepareCmsTemplate() {
  const started = Date.now()
  await dropAbandonedTemplates()
  // One template per run (the pid): two runs on one server never share or drop each other's.
  const template = `${TEMPLATE_PREFIX}${process.pid}`
  await admin(`drop database if exists ${quote(template)} with (force)`)
  await admin(`create database ${quote(template)}`)
  const child = spawnSync(process.execPath, [path.join(__dirname, "strapi-template-boot.js")], {
    cwd: path.join(__dirname, ".."),
    env: { ...process.env, HEALTH_CMS_TEMPLATE_DB: template },
    encoding: "utf8",
  })
  const line = (child.stdout || "").split("\n").find((text) => text.startsWith("dist="))
  if (child.status !== 0 || !line) {
    await admin(`drop database if exists ${quote(template)} with (force)`)
    throw new Error(`CMS template boot failed (${child.status}):\n${child.stdout}\n${child.stderr}`)
  }
  process.env[DIST_ENV] = line.slice("dist=".length)
  process.env[TEMPLATE_ENV] = template
  process.stderr.write(
    `CMS tests: compiled and seeded template ${template} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
}
