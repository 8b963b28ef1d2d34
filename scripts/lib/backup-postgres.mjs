// pg_dump / pg_restore of one database, with the client tools of the server's own major
// version (a newer pg_dump may write archives an older pg_restore refuses; an older one
// refuses to dump a newer server).
import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { promisify } from "node:util"
import { at } from "./paths.mjs"

const run = promisify(execFile)
const { Client } = createRequire(at("package.json"))("pg")

/** A client on `url`'s server, in the maintenance database `postgres`. */
function serverUrl(url) {
  const server = new URL(url)
  server.pathname = "/postgres"
  return server.toString()
}

export const databaseName = (url) => decodeURIComponent(new URL(url).pathname.slice(1))

async function withClient(url, work) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** The server's version, e.g. { major: 15, text: "15.14" }. */
export async function serverVersion(url) {
  return withClient(serverUrl(url), async (client) => {
    const { rows } = await client.query(
      "select current_setting('server_version_num')::int as num, current_setting('server_version') as text"
    )
    return { major: Math.floor(rows[0].num / 10000), text: rows[0].text }
  })
}

/**
 * The client tool (pg_dump, pg_restore) of the server's major version: Debian's
 * /usr/lib/postgresql/<major>/bin, PG_BIN_DIR, or the one on PATH when its major matches.
 */
export async function postgresTool(tool, major, env = process.env) {
  const candidates = [
    env.PG_BIN_DIR && `${env.PG_BIN_DIR}/${tool}`,
    `/usr/lib/postgresql/${major}/bin/${tool}`,
    `/usr/pgsql-${major}/bin/${tool}`,
  ].filter(Boolean)
  const found = candidates.find((candidate) => existsSync(candidate))
  const binary = found ?? tool
  let version
  try {
    version = (await run(binary, ["--version"])).stdout.trim()
  } catch {
    throw new Error(
      `${tool} for PostgreSQL ${major} not found: install postgresql-client-${major} or set PG_BIN_DIR`
    )
  }
  const toolMajor = Number(version.match(/(\d+)(?:\.\d+)?/)?.[1])
  if (toolMajor !== major) {
    throw new Error(
      `${binary} is ${version}, the server is PostgreSQL ${major}: set PG_BIN_DIR to its ${major} tools`
    )
  }
  return { binary, version }
}

/** pg_dump's URL argument keeps the password out of the process list via PGPASSWORD. */
function connectionArgs(url) {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ""
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} }
}

/** A custom-format dump (compressed, restorable table by table) of `url` into `file`. */
export async function dumpDatabase(url, file, pgDump) {
  const { dbname, env } = connectionArgs(url)
  await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", "--file", file, dbname], {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
}

/** Tables, views and sequences outside the system schemas: none means the database is fresh. */
export async function databaseState(url) {
  const name = databaseName(url)
  const exists = await withClient(serverUrl(url), async (client) => {
    const { rows } = await client.query("select 1 from pg_database where datname = $1", [name])
    return rows.length > 0
  })
  if (!exists) return { exists: false, objects: 0 }
  const objects = await withClient(url, async (client) => {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
          and c.relkind in ('r', 'v', 'm', 'S', 'p')`
    )
    return rows[0].n
  })
  return { exists: true, objects }
}

/** Creates the database, first dropping it when `replace` (only ever with --force). */
export async function createDatabase(url, { replace = false } = {}) {
  const name = databaseName(url).replace(/"/g, '""')
  await withClient(serverUrl(url), async (client) => {
    if (replace) await client.query(`drop database if exists "${name}" with (force)`)
    await client.query(`create database "${name}"`)
  })
}

/** Restores a custom-format dump into an existing, empty database; stops at the first error. */
export async function restoreDatabase(url, file, pgRestore) {
  const { dbname, env } = connectionArgs(url)
  await run(
    pgRestore,
    ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", dbname, file],
    { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }
  )
}
