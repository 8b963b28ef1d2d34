// `node scripts/prod/start-commerce.mjs <migrate|server|worker> [--root <copy>]`: what the
// commerce image runs, from the build output (commerce/.medusa/server).
// - migrate: `medusa db:migrate`, then the seed (reference data; demo data only with
//   SEED_DEMO=1), under a PostgreSQL advisory lock so two one-shot runs never race. A one-shot
//   step before the servers start: servers and workers never migrate.
// - server / worker: `medusa start` with MEDUSA_WORKER_MODE set, SIGTERM passed on.
// - video-signalling: the 视频问诊 WebSocket service (src/video-signalling/main.js), SIGTERM passed on.
// NODE_ENV is production unless the environment says otherwise.
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { isEntryPoint, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { superviseServer } from "./lib/supervise.mjs"
import { binIn, runTool } from "./lib/tools.mjs"

export const COMMERCE_MODES = ["migrate", "server", "worker", "video-signalling"]

// Any fixed number shared by every migrate run; pg_advisory_lock takes a bigint.
const MIGRATE_LOCK_KEY = 1_711_704_017

export const commerceServerDir = (root) => path.join(root, "commerce", ".medusa", "server")

function productionEnvironment(env) {
  return { ...env, NODE_ENV: env.NODE_ENV || "production" }
}

function requireBuild(root) {
  const dir = commerceServerDir(root)
  if (!existsSync(path.join(dir, "medusa-config.js"))) {
    throw new Error(`没有 commerce 的构建产物 (${dir})：先运行 scripts/prod/build-commerce.mjs`)
  }
  return dir
}

/** Holds a session-level advisory lock on the commerce database while `work` runs. */
async function withMigrateLock(root, databaseUrl, work) {
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: migrate needs the commerce database")
  const { Client } = createRequire(path.join(root, "commerce", "package.json"))("pg")
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await timed("waiting for the migrate lock", () =>
      client.query("select pg_advisory_lock($1)", [MIGRATE_LOCK_KEY])
    )
    return await work()
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]).catch(() => {})
    await client.end().catch(() => {})
  }
}

/** Migrates the database and seeds it; safe to run again (both steps are idempotent). */
export async function migrateCommerce(root, env = process.env) {
  const cwd = requireBuild(root)
  const runEnv = productionEnvironment(env)
  await withMigrateLock(root, runEnv.DATABASE_URL, async () => {
    await timed("medusa db:migrate", () =>
      runTool(binIn(root, "medusa"), ["db:migrate"], { cwd, env: runEnv })
    )
    await timed(
      runEnv.SEED_DEMO === "1" ? "seed (reference + demo data)" : "seed (reference data)",
      () => runTool(binIn(root, "medusa"), ["exec", "./src/scripts/seed.js"], { cwd, env: runEnv })
    )
  })
}

/** Runs a server or a worker until it exits; resolves with its exit code. */
export function serveCommerce(root, mode, env = process.env) {
  const cwd = requireBuild(root)
  return superviseServer(binIn(root, "medusa"), ["start"], {
    cwd,
    env: { ...productionEnvironment(env), MEDUSA_WORKER_MODE: mode },
  })
}

export async function startCommerce(root, mode, env = process.env) {
  if (!COMMERCE_MODES.includes(mode)) {
    throw new Error(`用法：start-commerce.mjs <${COMMERCE_MODES.join("|")}> [--root <dir>]`)
  }
  if (mode === "migrate") {
    await migrateCommerce(root, env)
    return 0
  }
  if (mode === "video-signalling") {
    const cwd = requireBuild(root)
    return superviseServer(process.execPath, [path.join("src", "video-signalling", "main.js")], {
      cwd,
      env: productionEnvironment(env),
    })
  }
  return serveCommerce(root, mode, env)
}

if (isEntryPoint(import.meta.url)) {
  const { root, positional } = parseArguments()
  runAsCommand(() => startCommerce(root, positional[0]))
}
