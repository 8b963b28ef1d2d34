import { Client } from "@medusajs/framework/pg"
import { buildMigrationScript } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { readdirSync } from "node:fs"
import path from "node:path"

jest.setTimeout(120_000)

/**
 * The constitution module's first migration adopts the tables health-archive created
 * before constitution was its own module. Run through Medusa's own migrator (the one
 * `medusa db:migrate` runs per module), on three databases: a fresh one, one as the
 * health-archive migrations left it (with data, and their names on record), and one that
 * ran only the first two of them.
 */

/** What health-archive's three constitution migrations ran, as they were when removed. */
const LEGACY_MIGRATIONS: [name: string, statements: string[]][] = [
  [
    "Migration20261125000953",
    [
      `create table if not exists "constitution_assessment" ("id" text not null, "customer_id" text not null, "item_version" text not null, "payload_ciphertext" text not null, "key_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_assessment_pkey" primary key ("id"));`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_customer_id" ON "constitution_assessment" ("customer_id") WHERE deleted_at IS NULL;`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_deleted_at" ON "constitution_assessment" ("deleted_at") WHERE deleted_at IS NULL;`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_customer_id_created_at" ON "constitution_assessment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`,
    ],
  ],
  [
    "Migration20261201214421",
    [
      `create table if not exists "constitution_review" ("id" text not null, "assessment_id" text not null, "customer_id" text not null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "author_id" text not null, "expert_name" text null, "payload_ciphertext" text not null, "key_id" text not null, "published_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_review_pkey" primary key ("id"));`,
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_constitution_review_assessment_id_unique" ON "constitution_review" ("assessment_id") WHERE deleted_at IS NULL;`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_customer_id" ON "constitution_review" ("customer_id") WHERE deleted_at IS NULL;`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_deleted_at" ON "constitution_review" ("deleted_at") WHERE deleted_at IS NULL;`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_status_updated_at" ON "constitution_review" ("status", "updated_at") WHERE deleted_at IS NULL;`,
    ],
  ],
  [
    "Migration20261202014055",
    [
      `create table if not exists "constitution_review_revision" ("id" text not null, "review_id" text not null, "revision" integer not null, "author_id" text not null, "expert_name" text null, "payload_ciphertext" text not null, "key_id" text not null, "published_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_review_revision_pkey" primary key ("id"));`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_revision_review_id" ON "constitution_review_revision" ("review_id") WHERE deleted_at IS NULL;`,
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_revision_deleted_at" ON "constitution_review_revision" ("deleted_at") WHERE deleted_at IS NULL;`,
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_constitution_review_revision_review_id_revision_unique" ON "constitution_review_revision" ("review_id", "revision") WHERE deleted_at IS NULL;`,
      `alter table if exists "constitution_review" add column if not exists "revision" integer not null default 0, add column if not exists "revised_at" timestamptz null;`,
      `update "constitution_review" set "revision" = 1 where "status" = 'published' and "revision" = 0;`,
    ],
  ],
]

const server = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const urlOf = (database: string) =>
  `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`

const MIGRATIONS_DIR = path.join(__dirname, "..", "migrations")
/** The module's migrations in order: the adopting first one, then later ones (e.g. indexes). */
const MODULE_MIGRATIONS = readdirSync(MIGRATIONS_DIR)
  .filter((file) => /^Migration\d+\.ts$/.test(file))
  .map((file) => file.replace(/\.ts$/, ""))
  .sort()

const quiet = { info: () => {}, warn: () => {}, error: () => {} }
const migrateConstitution = (database: string) =>
  buildMigrationScript({
    moduleName: "constitution",
    pathToMigrations: MIGRATIONS_DIR,
  })({ options: { database: { clientUrl: urlOf(database) } }, logger: quiet as never })

const created: string[] = []
async function createDatabase() {
  const name = `constitution_adopt_${randomUUID().slice(0, 8)}`
  const admin = new Client({ ...server, database: "postgres" })
  await admin.connect()
  await admin.query(`create database "${name}"`)
  await admin.end()
  created.push(name)
  const client = new Client({ ...server, database: name })
  await client.connect()
  return { name, client }
}

/** A database as health-archive's migrations left it: the tables and their names on record. */
async function legacyDatabase(migrations: typeof LEGACY_MIGRATIONS) {
  const db = await createDatabase()
  await db.client.query(
    `create table mikro_orm_migrations (id serial primary key, name varchar(255),
       executed_at timestamptz default current_timestamp)`
  )
  for (const [name, statements] of migrations) {
    for (const statement of statements) await db.client.query(statement)
    await db.client.query("insert into mikro_orm_migrations (name) values ($1)", [name])
  }
  return db
}

/** Columns, indexes and constraints of the three tables, comparable across databases. */
async function schemaOf(client: Client) {
  const tables = ["constitution_assessment", "constitution_review", "constitution_review_revision"]
  const { rows: columns } = await client.query(
    `select table_name, ordinal_position, column_name, data_type, is_nullable, column_default
     from information_schema.columns where table_schema = 'public' and table_name = any($1)
     order by table_name, ordinal_position`,
    [tables]
  )
  const { rows: indexes } = await client.query(
    `select tablename, indexname, indexdef from pg_indexes
     where schemaname = 'public' and tablename = any($1) order by indexname`,
    [tables]
  )
  const { rows: constraints } = await client.query(
    `select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as def
     from pg_constraint where conrelid::regclass::text = any($1) order by conname`,
    [tables]
  )
  return { columns, indexes, constraints }
}

const dataOf = async (client: Client) => ({
  assessments: (await client.query("select * from constitution_assessment order by id")).rows,
  reviews: (await client.query("select * from constitution_review order by id")).rows,
  versions: (await client.query("select * from constitution_review_revision order by id")).rows,
})

describe("the constitution module's first migration", () => {
  const clients: Client[] = []
  let fresh: Awaited<ReturnType<typeof schemaOf>>

  beforeAll(async () => {
    const db = await createDatabase()
    clients.push(db.client)
    const ran = await migrateConstitution(db.name)
    expect(MODULE_MIGRATIONS[0]).toBe("Migration20261206070652")
    expect(ran.map((m) => m.name)).toEqual(MODULE_MIGRATIONS)
    fresh = await schemaOf(db.client)
  })

  afterAll(async () => {
    for (const client of clients) await client.end()
    const admin = new Client({ ...server, database: "postgres" })
    await admin.connect()
    for (const name of created) await admin.query(`drop database if exists "${name}"`)
    await admin.end()
  })

  it("builds on a fresh database the schema health-archive's migrations built", async () => {
    const legacy = await legacyDatabase(LEGACY_MIGRATIONS)
    clients.push(legacy.client)
    // Later migrations (indexes added since) run on both; the first one adds nothing here.
    await migrateConstitution(legacy.name)
    expect(await schemaOf(legacy.client)).toEqual(fresh)
    expect(fresh.columns.map((c) => `${c.table_name}.${c.column_name}`)).toContain(
      "constitution_review.revised_at"
    )
  })

  it("adopts the tables of a database that ran health-archive's migrations, keeping every row", async () => {
    const { name, client } = await legacyDatabase(LEGACY_MIGRATIONS)
    clients.push(client)
    await client.query(
      `insert into constitution_assessment (id, customer_id, item_version, payload_ciphertext, key_id)
       values ('cass_1', 'cus_a', 'ZYYXH/T157-2009', 'sealed-a', 'dev'),
              ('cass_2', 'cus_b', 'v2', 'sealed-b', 'dev')`
    )
    await client.query(
      `insert into constitution_review (id, assessment_id, customer_id, status, author_id,
         expert_name, payload_ciphertext, key_id, published_at, revision, revised_at)
       values ('crev_1', 'cass_1', 'cus_a', 'published', 'user_x', '李明华', 'sealed-r1', 'dev',
               now() - interval '1 day', 2, now()),
              ('crev_2', 'cass_2', 'cus_b', 'draft', 'user_y', null, 'sealed-r2', 'dev', null, 0, null)`
    )
    await client.query(
      `insert into constitution_review_revision (id, review_id, revision, author_id, expert_name,
         payload_ciphertext, key_id, published_at)
       values ('crevr_1', 'crev_1', 1, 'user_x', '李明华', 'sealed-v1', 'dev', now() - interval '1 day'),
              ('crevr_2', 'crev_1', 2, 'user_x', '李明华', 'sealed-v2', 'dev', now())`
    )
    const before = await dataOf(client)

    const ran = await migrateConstitution(name)

    expect(ran.map((m) => m.name)).toEqual(MODULE_MIGRATIONS)
    // Every row kept; results from before the question bank had versions count as version 1.
    expect(await dataOf(client)).toEqual({
      ...before,
      assessments: before.assessments.map((row) => ({ ...row, questionnaire_version: 1 })),
    })
    expect(before.reviews.map((r) => [r.id, r.status, r.revision])).toEqual([
      ["crev_1", "published", 2],
      ["crev_2", "draft", 0],
    ])
    expect(await schemaOf(client)).toEqual(fresh)
    // Recorded once: the next db:migrate has nothing to do for the module.
    expect(await migrateConstitution(name)).toEqual([])
  })

  it("completes a database that ran only the first two, numbering its published reports", async () => {
    const { name, client } = await legacyDatabase(LEGACY_MIGRATIONS.slice(0, 2))
    clients.push(client)
    await client.query(
      `insert into constitution_review (id, assessment_id, customer_id, status, author_id,
         payload_ciphertext, key_id, published_at)
       values ('crev_1', 'cass_1', 'cus_a', 'published', 'user_x', 'sealed', 'dev', now()),
              ('crev_2', 'cass_2', 'cus_a', 'draft', 'user_x', 'sealed', 'dev', null)`
    )

    await migrateConstitution(name)

    expect(await schemaOf(client)).toEqual(fresh)
    const { rows } = await client.query("select id, revision from constitution_review order by id")
    expect(rows).toEqual([
      { id: "crev_1", revision: 1 },
      { id: "crev_2", revision: 0 },
    ])
  })
})
