// `npm run backup [-- --out <folder>]`: one timestamped folder with a custom-format dump of
// the commerce and CMS databases, a copy of the object store (the S3 bucket, or the local
// upload folders with S3 off) and manifest.json (sizes, sha256, versions). The health-data
// keys (HEALTH_DATA_KEYS) are deliberately not in it: see docs/operations.md.
import { execFile } from "node:child_process"
import { mkdir, readFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs, promisify } from "node:util"
import { backUpObjects } from "./lib/backup-objects.mjs"
import { describeFile, FORMAT, writeManifest } from "./lib/backup-manifest.mjs"
import { databaseName, dumpDatabase, postgresTool, serverVersion } from "./lib/backup-postgres.mjs"
import { databasesFromEnv, defaultBackupRoot, objectStoreFromEnv } from "./lib/backup-settings.mjs"
import { fail, green, step } from "./lib/log.mjs"
import { at } from "./lib/paths.mjs"

const run = promisify(execFile)
const { values } = parseArgs({ options: { out: { type: "string" } } })

/** The commit the code was built from, when this is a git checkout (images carry none). */
async function gitCommit() {
  try {
    return (await run("git", ["rev-parse", "HEAD"], { cwd: at() })).stdout.trim()
  } catch {
    return null
  }
}

/** 2026-12-06T10-30-00Z: sorts by time and is a valid folder name everywhere. */
const stamp = () =>
  new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-")

async function main() {
  const folder = path.resolve(values.out ?? path.join(defaultBackupRoot(), `backup-${stamp()}`))
  await mkdir(folder, { recursive: true })
  const store = objectStoreFromEnv()
  const { version: commerceVersion } = JSON.parse(
    await readFile(at("commerce", "package.json"), "utf8")
  )

  const databases = []
  const servers = {}
  for (const { name, url } of databasesFromEnv()) {
    const server = await serverVersion(url)
    const pgDump = await postgresTool("pg_dump", server.major)
    step(`${name}: pg_dump of ${databaseName(url)} (PostgreSQL ${server.text}, ${pgDump.version})`)
    const file = path.join(folder, `${name}.dump`)
    await dumpDatabase(url, file, pgDump.binary)
    databases.push(await describeFile(folder, file, { name, database: databaseName(url) }))
    servers[name] = { postgres_server: server.text, pg_dump: pgDump.version }
  }

  step(store.kind === "s3" ? `objects of bucket ${store.bucket}` : "local upload folders")
  const objects = await backUpObjects(store, folder)

  await writeManifest(folder, {
    format: FORMAT,
    created_at: new Date().toISOString(),
    versions: {
      commerce: commerceVersion ?? null,
      commit: await gitCommit(),
      node: process.version,
      databases: servers,
    },
    databases,
    objects,
    // Said in the backup itself, for whoever finds it without the runbook.
    health_data_keys:
      "not included: reports and member uploads stay encrypted; restore them with the HEALTH_DATA_KEYS kept apart from backups (docs/operations.md)",
  })
  const bytes = [...databases, ...objects.files].reduce((sum, file) => sum + file.bytes, 0)
  console.log(
    `${green("✔")} backup in ${folder}: ${databases.length} databases, ${objects.files.length} objects, ${bytes} bytes`
  )
  console.log(`BACKUP_FOLDER=${folder}`)
}

main().catch((error) => fail(`backup failed: ${error.message}`))
