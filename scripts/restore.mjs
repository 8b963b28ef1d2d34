// `npm run restore -- <backup folder> [--force]`: checks the manifest (every size and sha256),
// restores each database into a FRESH one (missing or without tables; an existing one with
// data is refused unless --force, which drops it first) and puts the objects back into the
// bucket (refused when it already holds objects, unless --force). Commerce needs the same
// HEALTH_DATA_KEYS as before to open reports; they are never in a backup.
import path from "node:path"
import { parseArgs } from "node:util"
import { objectStoreIsEmpty, restoreObjects } from "./lib/backup-objects.mjs"
import { readVerifiedManifest } from "./lib/backup-manifest.mjs"
import {
  createDatabase,
  databaseName,
  databaseState,
  postgresTool,
  restoreDatabase,
  serverVersion,
} from "./lib/backup-postgres.mjs"
import { databasesFromEnv, objectStoreFromEnv } from "./lib/backup-settings.mjs"
import { fail, green, step, yellow } from "./lib/log.mjs"

const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
})

async function main() {
  if (positionals.length !== 1)
    throw new Error("usage: npm run restore -- <backup folder> [--force]")
  const folder = path.resolve(positionals[0])
  const manifest = await readVerifiedManifest(folder)
  step(`backup of ${manifest.created_at}: manifest and checksums verified`)

  const targets = databasesFromEnv()
  const store = objectStoreFromEnv()

  // Every refusal before the first change: a restore never stops half-way over a live system.
  const plans = []
  for (const dump of manifest.databases) {
    const target = targets.find((candidate) => candidate.name === dump.name)
    if (!target)
      throw new Error(`the backup holds a database "${dump.name}" this restore does not know`)
    const state = await databaseState(target.url)
    if (state.objects > 0 && !values.force) {
      throw new Error(
        `database ${databaseName(target.url)} is not empty (${state.objects} tables and sequences): ` +
          "restore into a fresh database, or pass --force to drop and replace it"
      )
    }
    plans.push({ dump, target, state })
  }
  if (!values.force && manifest.objects.files.length && !(await objectStoreIsEmpty(store))) {
    throw new Error(
      store.kind === "s3"
        ? `bucket ${store.bucket} already holds objects: restore into an empty bucket, or pass --force to overwrite the backed-up keys`
        : "the upload folders already hold files: empty them, or pass --force to overwrite"
    )
  }

  for (const { dump, target, state } of plans) {
    const server = await serverVersion(target.url)
    const pgRestore = await postgresTool("pg_restore", server.major)
    if (!state.exists || state.objects > 0) {
      if (state.objects > 0) console.log(yellow(`  --force: dropping ${databaseName(target.url)}`))
      await createDatabase(target.url, { replace: state.exists })
    }
    step(`${dump.name}: pg_restore into ${databaseName(target.url)} (${pgRestore.version})`)
    await restoreDatabase(target.url, path.join(folder, dump.path), pgRestore.binary)
  }

  step(store.kind === "s3" ? `objects into bucket ${store.bucket}` : "local upload folders")
  const restored = await restoreObjects(store, folder, manifest.objects)
  console.log(
    `${green("✔")} restored ${plans.length} databases and ${restored} objects from ${folder}`
  )
}

main().catch((error) => fail(`restore refused or failed: ${error.message}`))
