// Before every test but the first, Medusa's runner gives the spec file's database back the state
// it had after the suite's `beforeAll`: it drops the database and copies it again from a snapshot
// (`CREATE DATABASE … TEMPLATE`). That is Postgres' disk work with the test waiting: 0.4 to 2 s a
// test on a quiet machine, 4 to 40 s on a busy disk. Here the next copy is made while the test
// runs, and the restore swaps it in by two renames (milliseconds); the used database is dropped in
// the background. Every test still starts on a fresh copy of the same snapshot.
import { Client } from "@medusajs/framework/pg"

type DatabaseAndTemplate = { databaseName: string; templateName: string }

/** The functions of Medusa's runner this replaces (read from its module's exports at call time). */
type PostgresTemplateSteps = {
  createPostgresDatabaseTemplate: (names: DatabaseAndTemplate) => Promise<void>
  restorePostgresDatabaseFromTemplate: (names: DatabaseAndTemplate) => Promise<void>
  dropPostgresDatabaseTemplate: (templateName: string) => Promise<void>
}

/** A copy of a snapshot made ahead of the restore that will use it. */
type Spare = { name: string; ready: Promise<void> }

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const isBusy = (error: unknown) => /being accessed by other users/.test(String(error))

function adminClient(): Client {
  return new Client({
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
}

/**
 * Replaces the runner's snapshot, restore and template drop. Returns `close`, for the spec
 * file's last `afterAll`: waits for the background work and drops what is left of it.
 */
export function restoreFromCopiesMadeAhead(): { close: () => Promise<void> } {
  const steps: PostgresTemplateSteps = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")
  const original = { ...steps }
  const spares = new Map<string, Spare>()
  let copies = 0
  const connect = () => {
    const client = adminClient()
    return client.connect().then(() => client)
  }
  /**
   * Statements run one after another in a session of their own (a session runs one at a time);
   * a failure is for whoever awaits that statement to see.
   */
  const backgroundSession = () => {
    let client: Promise<Client> | null = null
    let last: Promise<unknown> = Promise.resolve()
    return {
      run(sql: string) {
        const run = last.then(async () => (await (client ??= connect())).query(sql))
        last = run.catch(() => undefined)
        return run.then(() => undefined)
      },
      async end() {
        await last
        await client?.then((c) => c.end()).catch(() => undefined)
      },
    }
  }
  // The swaps in the foreground. Copies and drops in two background sessions: a drop can take
  // many seconds on a busy disk, and the next copy must not wait for it.
  let foregroundClient: Promise<Client> | null = null
  const foreground = () => (foregroundClient ??= connect())
  const copying = backgroundSession()
  const dropping = backgroundSession()
  /** Drops of used databases not yet awaited, oldest first. */
  const drops: Promise<void>[] = []
  // Drops waiting beyond this make the restore wait (as the runner's own restore always did), so
  // on a disk too slow for them the file's last afterAll does not wait for a long queue.
  const MAX_DROPS_BEHIND = 2

  const prepareSpare = (templateName: string) => {
    const name = `${templateName}-ahead-${++copies}`
    const ready = copying.run(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(templateName)}`)
    // Seen by the restore that takes it; unhandled until then.
    ready.catch(() => undefined)
    spares.set(templateName, { name, ready })
  }

  /** The spare of a snapshot about to change or go: dropped, once its copy has finished. */
  const discardSpare = async (templateName: string) => {
    const spare = spares.get(templateName)
    if (!spare) return
    spares.delete(templateName)
    await spare.ready.catch(() => undefined)
    await dropping.run(`DROP DATABASE IF EXISTS ${quote(spare.name)}`)
  }

  steps.createPostgresDatabaseTemplate = async (names) => {
    await discardSpare(names.templateName)
    await original.createPostgresDatabaseTemplate(names)
    prepareSpare(names.templateName)
  }

  steps.dropPostgresDatabaseTemplate = async (templateName) => {
    await discardSpare(templateName)
    await original.dropPostgresDatabaseTemplate(templateName)
  }

  steps.restorePostgresDatabaseFromTemplate = async ({ databaseName, templateName }) => {
    const spare = spares.get(templateName)
    spares.delete(templateName)
    const madeAhead = spare && (await spare.ready.then(() => true).catch(() => false))
    if (!spare || !madeAhead) {
      await original.restorePostgresDatabaseFromTemplate({ databaseName, templateName })
    } else {
      const used = `${databaseName}-used-${copies}`
      const client = await foreground()
      // As the runner's own restore does: no new session may open on the used database.
      await client.query(`ALTER DATABASE ${quote(databaseName)} WITH ALLOW_CONNECTIONS false`)
      for (let attempt = 1; ; attempt++) {
        await client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [databaseName]
        )
        try {
          await client.query(`ALTER DATABASE ${quote(databaseName)} RENAME TO ${quote(used)}`)
          break
        } catch (error) {
          if (!isBusy(error) || attempt >= 20) throw error
          await sleep(50 * attempt)
        }
      }
      await client.query(`ALTER DATABASE ${quote(spare.name)} RENAME TO ${quote(databaseName)}`)
      // The next copy first: the next restore waits for it, not for this drop.
      prepareSpare(templateName)
      drops.push(dropping.run(`DROP DATABASE IF EXISTS ${quote(used)}`).catch(() => undefined))
      while (drops.length > MAX_DROPS_BEHIND) await drops.shift()
      return
    }
    prepareSpare(templateName)
  }

  return {
    async close() {
      for (const templateName of [...spares.keys()]) await discardSpare(templateName)
      await copying.end()
      await dropping.end()
      await foregroundClient?.then((c) => c.end()).catch(() => undefined)
      Object.assign(steps, original)
    },
  }
}
