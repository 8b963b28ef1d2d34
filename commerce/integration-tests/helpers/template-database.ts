// One migrated database per HTTP test run: jest's global setup migrates it once, and every
// spec file's database is a copy of it (`CREATE DATABASE … TEMPLATE`, well under a second)
// instead of running every migration again (Medusa core, our modules, plugins, links).
import { spawn } from "node:child_process"
import { Client } from "@medusajs/framework/pg"

/** Names the template to the spec files: set by the global setup, read by every worker. */
export const TEMPLATE_ENV = "HEALTH_HTTP_TEMPLATE_DB"

const commerceDir = `${__dirname}/../..`

function adminClient(): Client {
  return new Client({
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
}

function databaseUrl(name: string): string {
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  const host = process.env.DB_HOST || "localhost"
  return `postgres://${user}${password}@${host}:${process.env.DB_PORT || 5432}/${name}`
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = adminClient()
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function dropDatabase(client: Client, name: string) {
  await client.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    [name]
  )
  await client.query(`DROP DATABASE IF EXISTS ${quote(name)}`)
}

/**
 * Creates `name` and runs `medusa db:migrate` into it: the same migrations, link tables and
 * search indexes the test runner would apply, without the migration scripts (the runner
 * runs none either; the app's own start seeds what it needs in each copy).
 */
export async function migrateTemplate(name: string): Promise<void> {
  await withAdmin(async (client) => {
    await dropDatabase(client, name)
    await client.query(`CREATE DATABASE ${quote(name)}`)
  })
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [require.resolve("@medusajs/cli/cli.js"), "db:migrate", "--skip-scripts"],
      {
        cwd: commerceDir,
        env: { ...process.env, DATABASE_URL: databaseUrl(name), NODE_OPTIONS: "" },
        stdio: ["ignore", "pipe", "pipe"],
      }
    )
    let log = ""
    child.stdout.on("data", (chunk) => (log += chunk))
    child.stderr.on("data", (chunk) => (log += chunk))
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0
        ? resolve(log)
        : reject(new Error(`medusa db:migrate into ${name} exited with ${code}:\n${log}`))
    )
  })
  // A migration that failed in a module can still exit 0: an empty schema must not pass.
  const db = new Client({ connectionString: databaseUrl(name) })
  await db.connect()
  const { rows } = await db
    .query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")
    .finally(() => db.end())
  const tables = rows[0].n as number
  if (tables === 0) throw new Error(`medusa db:migrate created no table in ${name}:\n${output}`)
}

/**
 * Drops the templates of runs that were killed before their teardown (named by the pid of
 * a process that is gone); a run still going on this machine keeps its own.
 */
export async function dropAbandonedTemplates(prefix: string): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${prefix}%`]
    )
    for (const { datname } of rows) {
      const pid = Number(datname.slice(prefix.length))
      if (Number.isInteger(pid) && pid > 0 && !processIsAlive(pid))
        await dropDatabase(client, datname)
    }
  })
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

export async function dropTemplate(name: string): Promise<void> {
  await withAdmin((client) => dropDatabase(client, name))
}

/**
 * Creates `name` as a copy of the template. Postgres refuses while another session is
 * connected to the template, which a parallel worker's copy never is for long: retry.
 */
export async function createFromTemplate(name: string, template: string): Promise<void> {
  await withAdmin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`)
        return
      } catch (error) {
        const busy = /being accessed by other users/.test(String((error as Error).message))
        if (!busy || attempt >= 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt))
      }
    }
  })
}
