import { randomUUID } from "node:crypto"
import { Client } from "@medusajs/framework/pg"
import { eventually } from "../eventually"
import { restoreFromCopiesMadeAhead } from "../restore-ahead"

// A hang guard: copying and dropping databases took tens of seconds each on a busy shared disk.
jest.setTimeout(300_000)

// Medusa's runner's own functions, which restore-ahead replaces while it is in use.
const steps = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")

const connection = (database: string) =>
  new Client({
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database,
  })

async function query<T = Record<string, unknown>>(database: string, sql: string): Promise<T[]> {
  const client = connection(database)
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

describe("restoring a spec file's database from copies made ahead", () => {
  const databaseName = `health-restore-ahead-${randomUUID().slice(0, 8)}`
  const templateName = `${databaseName}-template`
  const databasesOfThisTest = async () =>
    (
      await query<{ datname: string }>(
        "postgres",
        `SELECT datname FROM pg_database WHERE datname LIKE '${databaseName}%' ORDER BY datname`
      )
    ).map((row) => row.datname)
  const values = async () =>
    (await query<{ x: number }>(databaseName, "SELECT x FROM t ORDER BY x")).map((row) => row.x)

  beforeAll(async () => {
    await query("postgres", `CREATE DATABASE "${databaseName}"`)
    await query(databaseName, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)")
  })

  afterAll(async () => {
    for (const name of await databasesOfThisTest())
      await query("postgres", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  })

  it("gives every test the snapshot's state by swapping in a copy made while the test ran, and leaves nothing behind", async () => {
    const restores = restoreFromCopiesMadeAhead()
    try {
      await steps.createPostgresDatabaseTemplate({ databaseName, templateName })
      for (const added of [2, 3]) {
        await query(databaseName, `INSERT INTO t VALUES (${added})`)
        // A session left open on the database, as the app's pool leaves them.
        const held = connection(databaseName)
        await held.connect()
        held.on("error", () => undefined)
        // The copy for this restore, started by the snapshot or by the previous restore.
        await eventually(
          databasesOfThisTest,
          (names) => names.includes(`${templateName}-ahead-${added - 1}`),
          120_000
        )
        await steps.restorePostgresDatabaseFromTemplate({ databaseName, templateName })
        expect(await values()).toEqual([1])
        // Swapped in by a rename, not copied after a drop.
        expect(await databasesOfThisTest()).not.toContain(`${templateName}-ahead-${added - 1}`)
        await held.end().catch(() => undefined)
      }
      await steps.dropPostgresDatabaseTemplate(templateName)
    } finally {
      await restores.close()
    }
    // Only the database itself is left: no spare copy, no used database, no snapshot.
    expect(await databasesOfThisTest()).toEqual([databaseName])
    // And the runner's own functions are back.
    expect(steps.restorePostgresDatabaseFromTemplate.name).toBe(
      "restorePostgresDatabaseFromTemplate"
    )
  })
})
