import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { aptInstall } from "./apt.mjs"
import { localSecrets } from "./local-secrets.mjs"
import { step } from "./log.mjs"
import { renderNginxConfig } from "./nginx-config.mjs"
import { at, DATA_DIR } from "./paths.mjs"
import { onShutdown, run, startProcess, stopProcess } from "./processes.mjs"
import { ensureReportFont } from "./report-font.mjs"
import { startS3Standin } from "./s3-standin.mjs"
import { ensureDatabase, ensurePostgres, ensureRedis } from "./services.mjs"
import { waitForHttp } from "./wait-for.mjs"

const require = createRequire(at("package.json"))

/**
 * What production runs, on one machine: nginx in front of two commerce servers, a commerce
 * worker, the CMS, two web servers sharing one Redis-backed Next cache, and the H5, with
 * object storage on the local S3 stand-in and migrations as a one-shot step before any
 * server starts. docs/cluster.md draws it.
 */
export const CLUSTER_PORTS = {
  // What browsers reach (nginx).
  commerce: 9000,
  cms: 1337,
  web: 8000,
  miniprogramH5: 10086,
  // The web's own way to commerce through nginx, the one that passes the shopper's address on.
  commerceInternal: 9010,
  // The servers behind it.
  commerceServers: [9001, 9002],
  commerceWorker: 9003,
  cmsServer: 1338,
  webServers: [8001, 8002],
  miniprogramH5Server: 10087,
  // Stand-ins for what we cannot reach from here.
  s3: 4569,
  wechatpaySandbox: 9400,
  wechatStandin: 9401,
  alipaySandbox: 9410,
  unionpaySandbox: 9500,
}

/** npm start's databases, so `npm run start:cluster` shows the same shop. */
export const CLUSTER_DATABASES = { commerce: "health_commerce", cms: "health_cms" }

const TRUSTED_PROXIES = "127.0.0.1"

/** Redis key prefixes: none for npm start's data (its own), `<prefix>-…` for a test's. */
function redisPrefixes(prefix) {
  if (!prefix) return { medusa: "", queue: "health", nextCache: "health-web:" }
  return { medusa: `${prefix}-`, queue: `${prefix}-health`, nextCache: `${prefix}-web:` }
}

async function recreateDatabase(serverUrl, name) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name.replace(/"/g, "")}" with (force)`)
  } finally {
    await client.end()
  }
  await ensureDatabase(serverUrl, name)
}

async function readPublishableKey(databaseUrl) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select token from api_key where type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1"
    )
    if (!rows[0]) throw new Error("种子数据中没有 publishable key")
    return rows[0].token
  } finally {
    await client.end()
  }
}

/** Debian's nginx, installed with apt like Redis when it is missing. */
export function ensureNginx() {
  const find = () => spawnSync("sh", ["-c", "command -v nginx || ls /usr/sbin/nginx"]).stdout
  let binary = find().toString().trim().split("\n")[0]
  if (!binary && aptInstall(["nginx"])) binary = find().toString().trim().split("\n")[0]
  if (!binary) {
    throw new Error("需要 nginx：请安装 nginx（Debian: sudo apt-get install nginx）")
  }
  return binary
}

/** The sites nginx serves for these ports (every upstream on loopback). */
export function clusterSites(ports) {
  const local = (port) => `127.0.0.1:${port}`
  const commerceServers = ports.commerceServers.map(local)
  return [
    // Lab report archives up to 1 GiB go through as they arrive.
    {
      name: "commerce",
      listen: ports.commerce,
      servers: commerceServers,
      maxBodySize: "1100m",
      streamUploads: true,
    },
    {
      name: "commerce_internal",
      listen: local(ports.commerceInternal),
      servers: commerceServers,
      maxBodySize: "1100m",
      streamUploads: true,
      clearShopperHeaders: false,
    },
    { name: "cms", listen: ports.cms, servers: [local(ports.cmsServer)], maxBodySize: "200m" },
    { name: "web", listen: ports.web, servers: ports.webServers.map(local), maxBodySize: "25m" },
    {
      name: "miniprogram_h5",
      listen: ports.miniprogramH5,
      servers: [local(ports.miniprogramH5Server)],
    },
  ]
}

/** Writes nginx.conf under `dir`, checks it with `nginx -t` and runs nginx in the foreground. */
async function startNginx({ binary, dir, ports, logDir }) {
  rmSync(path.join(dir, "temp"), { recursive: true, force: true })
  for (const sub of ["logs", "temp"]) mkdirSync(path.join(dir, sub), { recursive: true })
  const user = process.getuid?.() === 0 ? "root" : undefined
  const conf = path.join(dir, "nginx.conf")
  writeFileSync(conf, renderNginxConfig({ sites: clusterSites(ports), runtimeDir: dir, user }))
  const errorLog = path.join(dir, "logs", "error.log")
  const args = ["-p", dir, "-c", conf, "-e", errorLog]
  const check = spawnSync(binary, [...args, "-t"], { encoding: "utf8" })
  if (check.status !== 0) throw new Error(`nginx 配置无效 (${conf}):\n${check.stderr}`)
  return startProcess("nginx", binary, args, {
    echo: false,
    logFile: path.join(logDir, "nginx.log"),
  })
}

/**
 * The WeChat Pay sandbox's keys (made once under .data/) and the provider settings that
 * point commerce at it; callbacks go to `notifyUrl`.
 */
function wechatpaySandbox(root, sandboxDir, port, notifyUrl) {
  const sandbox = path.join(root, "plugins", "wechatpay", ".medusa", "server", "src", "sandbox")
  const { loadOrCreateSandboxKeys, providerEnv } = require(path.join(sandbox, "keys.js"))
  const env = providerEnv(
    loadOrCreateSandboxKeys(sandboxDir),
    sandboxDir,
    `http://127.0.0.1:${port}`,
    notifyUrl
  )
  return { env, cli: path.join(sandbox, "cli.js") }
}

/**
 * The Alipay sandbox's keys (made once under .data/, as npm start's) and the provider
 * settings that point commerce at it; its cashier sends the shopper back to the web.
 */
function alipaySandbox(root, sandboxDir, port, { notifyUrl, returnUrl }) {
  const sandbox = path.join(root, "plugins", "alipay", ".medusa", "server", "src", "sandbox")
  const { loadOrCreateAlipaySandboxKeys, providerEnv } = require(path.join(sandbox, "keys.js"))
  const env = {
    ...providerEnv(
      loadOrCreateAlipaySandboxKeys(sandboxDir),
      `http://127.0.0.1:${port}/gateway.do`,
      notifyUrl
    ),
    ALIPAY_RETURN_URL: returnUrl,
  }
  return { env, cli: path.join(sandbox, "cli.js") }
}

/**
 * The UnionPay sandbox's certificate chain (made once under .data/, as npm start's) and the
 * provider settings that point commerce at it; its cashier posts the shopper back to the web.
 */
function unionpaySandbox(root, sandboxDir, port, { notifyUrl, frontUrl }) {
  const sandbox = path.join(root, "plugins", "unionpay", ".medusa", "server", "src", "sandbox")
  const { loadOrCreateSandboxPki, providerEnv } = require(path.join(sandbox, "pki.js"))
  const env = providerEnv(
    loadOrCreateSandboxPki(sandboxDir),
    sandboxDir,
    `http://127.0.0.1:${port}`,
    {
      notifyUrl,
      frontUrl,
    }
  )
  return { env, cli: path.join(sandbox, "cli.js") }
}

/**
 * Boots the cluster from the production build in `root` (scripts/prod/build-all.mjs) and
 * waits until every server and every proxy port answers.
 *
 * @param {object} options
 * @param {string} options.root a repository copy with production builds
 * @param {Partial<typeof CLUSTER_PORTS>} [options.ports]
 * @param {{ commerce: string, cms: string }} [options.databases]
 * @param {string} [options.prefix] Redis key prefix of its own (tests); none for npm's data
 * @param {boolean} [options.freshDatabases] drop and recreate the databases first
 * @param {string} [options.dataDir] nginx, S3 objects, uploads and logs
 * @param {boolean} [options.seedDemo] demo catalogue and member (SEED_DEMO=1)
 * @param {string} [options.wechatpayNotifyUrl] where the sandbox's callbacks go (default:
 *   commerce through nginx, as WeChat would call it)
 * @param {boolean} [options.echo] print the servers' output
 */
export async function bootCluster({
  root,
  ports: portOverrides = {},
  databases = CLUSTER_DATABASES,
  prefix = "",
  freshDatabases = false,
  dataDir = path.join(DATA_DIR, "cluster"),
  seedDemo = true,
  wechatpayNotifyUrl,
  echo = true,
} = {}) {
  if (!root) throw new Error("bootCluster needs the production build's root (build-all.mjs)")
  const started = Date.now()
  const timings = {}
  const phase = async (name, work) => {
    const begun = Date.now()
    const result = await work()
    timings[name] = (Date.now() - begun) / 1000
    return result
  }
  const ports = { ...CLUSTER_PORTS, ...portOverrides }
  const logDir = path.join(dataDir, "logs")
  const prefixes = redisPrefixes(prefix)
  const local = (port) => `http://127.0.0.1:${port}`
  const urls = {
    commerce: local(ports.commerce),
    admin: `${local(ports.commerce)}/app`,
    cms: local(ports.cms),
    cmsAdmin: `${local(ports.cms)}/admin`,
    web: local(ports.web),
    miniprogramH5: local(ports.miniprogramH5),
    commerceServers: ports.commerceServers.map(local),
    commerceWorker: local(ports.commerceWorker),
    webServers: ports.webServers.map(local),
  }
  const processes = {}
  let s3
  const stopAll = async () => {
    await Promise.all(
      Object.values(processes)
        .flat()
        .map((child) => stopProcess(child))
    )
    await s3?.stop().catch(() => {})
  }

  step("集群：PostgreSQL、Redis、nginx、对象存储 …")
  const { postgres, redis, nginxBinary } = await phase("services", async () => {
    const postgresFound = await ensurePostgres()
    if (postgresFound.embedded) onShutdown(() => postgresFound.embedded.stop())
    const redisFound = await ensureRedis()
    for (const name of [databases.commerce, databases.cms]) {
      if (freshDatabases) await recreateDatabase(postgresFound.serverUrl, name)
      else await ensureDatabase(postgresFound.serverUrl, name)
    }
    return { postgres: postgresFound, redis: redisFound, nginxBinary: ensureNginx() }
  })
  const bucket = "health"
  s3 = await startS3Standin({
    port: ports.s3,
    directory: path.join(dataDir, "s3"),
    buckets: [bucket],
  })
  onShutdown(() => s3.stop())
  const storageEnv = {
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: "us-east-1",
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
    S3_FILE_URL: `${s3.endpoint}/${bucket}`,
  }

  const secrets = localSecrets()
  const cmsToken = process.env.CMS_API_TOKEN || secrets.cmsApiToken
  const revalidateSecret = process.env.REVALIDATE_SECRET || secrets.revalidateSecret
  const cmsWebhookSecret = process.env.CMS_WEBHOOK_SECRET || secrets.cmsWebhookSecret
  const webForwardSecret = process.env.WEB_FORWARD_SECRET || secrets.webForwardSecret
  const commerceDbUrl = `${postgres.serverUrl}/${databases.commerce}`
  const browserOrigins = [urls.web, urls.miniprogramH5, urls.commerce].join(",")
  const wechatpay = wechatpaySandbox(
    root,
    path.join(DATA_DIR, "wechatpay-sandbox"),
    ports.wechatpaySandbox,
    wechatpayNotifyUrl || `${urls.commerce}/hooks/payment/wechatpay_wechatpay`
  )
  const alipaySandboxDir = path.join(DATA_DIR, "alipay-sandbox")
  const alipay = alipaySandbox(root, alipaySandboxDir, ports.alipaySandbox, {
    notifyUrl: `${urls.commerce}/hooks/payment/alipay_alipay`,
    returnUrl: `${urls.web}/checkout/return/alipay`,
  })
  const unionpaySandboxDir = path.join(DATA_DIR, "unionpay-sandbox")
  const unionpay = unionpaySandbox(root, unionpaySandboxDir, ports.unionpaySandbox, {
    notifyUrl: `${urls.commerce}/hooks/payment/unionpay_unionpay`,
    frontUrl: `${urls.web}/checkout/return/unionpay`,
  })
  const commerceEnv = {
    NODE_ENV: "production",
    DATABASE_URL: commerceDbUrl,
    REDIS_URL: redis.redisUrl,
    MEDUSA_REDIS_PREFIX: prefixes.medusa,
    QUEUE_PREFIX: prefixes.queue,
    MEDUSA_BACKEND_URL: urls.commerce,
    COMMERCE_PUBLIC_URL: urls.commerce,
    STOREFRONT_URL: urls.web,
    STOREFRONT_PUBLIC_URL: urls.web,
    CMS_PUBLIC_URL: urls.cms,
    MINIPROGRAM_H5_PUBLIC_URL: urls.miniprogramH5,
    CMS_URL: urls.cms,
    CMS_API_TOKEN: cmsToken,
    REVALIDATE_SECRET: revalidateSecret,
    CMS_WEBHOOK_SECRET: cmsWebhookSecret,
    WEB_FORWARD_SECRET: webForwardSecret,
    TRUSTED_PROXIES,
    HEALTH_DATA_KEYS: process.env.HEALTH_DATA_KEYS || secrets.healthDataKeys,
    JWT_SECRET: process.env.JWT_SECRET || secrets.jwtSecret,
    COOKIE_SECRET: process.env.COOKIE_SECRET || secrets.cookieSecret,
    ORDER_ACCESS_SECRET: process.env.ORDER_ACCESS_SECRET || secrets.orderAccessSecret,
    MEDUSA_ADMIN_EMAIL: process.env.MEDUSA_ADMIN_EMAIL || "admin@health.local",
    MEDUSA_ADMIN_PASSWORD: process.env.MEDUSA_ADMIN_PASSWORD || "Admin12345",
    STORE_CORS: browserOrigins,
    AUTH_CORS: browserOrigins,
    ADMIN_CORS: urls.commerce,
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Codes in the log: this cluster runs on a developer's machine, never for members.
    SMS_PROVIDER: "log",
    ALLOW_LOG_SMS: "1",
    EMAIL_PROVIDER: "log",
    WECHAT_API_BASE: local(ports.wechatStandin),
    SEED_DEMO: seedDemo ? "1" : "",
    ...storageEnv,
    ...wechatpay.env,
    ...alipay.env,
    ...unionpay.env,
  }
  const cmsEnv = {
    NODE_ENV: "production",
    DATABASE_URL: "",
    CMS_DATABASE_URL: `${postgres.serverUrl}/${databases.cms}`,
    HOST: "127.0.0.1",
    PORT: String(ports.cmsServer),
    CMS_API_TOKEN: cmsToken,
    CMS_PUBLIC_URL: urls.cms,
    CMS_CORS_ORIGINS: [urls.web, urls.miniprogramH5, urls.cms].join(","),
    COMMERCE_CMS_HOOK_URL: `${urls.commerce}/hooks/cms`,
    CMS_WEBHOOK_SECRET: cmsWebhookSecret,
    APP_KEYS: process.env.CMS_APP_KEYS || secrets.cmsAppKeys,
    ADMIN_JWT_SECRET: process.env.CMS_ADMIN_JWT_SECRET || secrets.cmsAdminJwtSecret,
    API_TOKEN_SALT: process.env.CMS_API_TOKEN_SALT || secrets.cmsApiTokenSalt,
    TRANSFER_TOKEN_SALT: process.env.CMS_TRANSFER_TOKEN_SALT || secrets.cmsTransferTokenSalt,
    ENCRYPTION_KEY: process.env.CMS_ENCRYPTION_KEY || secrets.cmsEncryptionKey,
    JWT_SECRET: process.env.CMS_JWT_SECRET || secrets.cmsJwtSecret,
    STRAPI_TELEMETRY_DISABLED: "true",
    SEED_DEMO: seedDemo ? "1" : "",
    // Without demo data the first CMS admin must be named (the demo one is README's).
    CMS_ADMIN_EMAIL: process.env.CMS_ADMIN_EMAIL,
    CMS_ADMIN_PASSWORD: process.env.CMS_ADMIN_PASSWORD,
    ...storageEnv,
  }

  const startScript = (name) => at("scripts", "prod", `start-${name}.mjs`)
  const node = process.execPath

  // The one-shot step: no server starts before the schema and reference data are there.
  step("集群：迁移并初始化数据库（一次性）…")
  await phase("migrate", () =>
    run(node, [startScript("commerce"), "migrate", "--root", root], {
      env: commerceEnv,
      quiet: true,
    })
  )
  const publishableKey = await readPublishableKey(commerceDbUrl)

  const webEnv = (port) => ({
    NODE_ENV: "production",
    PORT: String(port),
    MEDUSA_BACKEND_URL: local(ports.commerceInternal),
    COMMERCE_PUBLIC_URL: urls.commerce,
    MEDUSA_PUBLISHABLE_KEY: publishableKey,
    CMS_URL: urls.cms,
    CMS_PUBLIC_URL: urls.cms,
    CMS_API_TOKEN: cmsToken,
    REVALIDATE_SECRET: revalidateSecret,
    WEB_FORWARD_SECRET: webForwardSecret,
    STOREFRONT_URL: urls.web,
    STOREFRONT_PUBLIC_URL: urls.web,
    TRUSTED_PROXIES,
    NEXT_CACHE_REDIS_URL: redis.redisUrl,
    NEXT_CACHE_PREFIX: prefixes.nextCache,
    NEXT_TELEMETRY_DISABLED: "1",
  })

  ensureReportFont()
  step("集群：启动 nginx、2 个 commerce 服务器、1 个 worker、cms、2 个 web、H5 …")
  const spawnService = (name, script, args, env) =>
    startProcess(name, node, [script, ...args, "--root", root], {
      env,
      echo,
      logFile: path.join(logDir, `${name}.log`),
    })
  await phase("start", async () => {
    processes.nginx = await startNginx({
      binary: nginxBinary,
      dir: path.join(dataDir, "nginx"),
      ports,
      logDir,
    })
    processes.wechatpaySandbox = startProcess("wechatpay-sandbox", node, [wechatpay.cli], {
      env: {
        WECHATPAY_SANDBOX_PORT: String(ports.wechatpaySandbox),
        WECHATPAY_SANDBOX_DATA_DIR: path.join(DATA_DIR, "wechatpay-sandbox"),
        WECHATPAY_SANDBOX_TIME_SCALE: "0.01",
      },
      echo: false,
      logFile: path.join(logDir, "wechatpay-sandbox.log"),
    })
    processes.alipaySandbox = startProcess("alipay-sandbox", node, [alipay.cli], {
      env: {
        ALIPAY_SANDBOX_PORT: String(ports.alipaySandbox),
        ALIPAY_SANDBOX_DATA_DIR: alipaySandboxDir,
        ALIPAY_SANDBOX_TIME_SCALE: "0.01",
        ALIPAY_NOTIFY_URL: alipay.env.ALIPAY_NOTIFY_URL,
      },
      echo: false,
      logFile: path.join(logDir, "alipay-sandbox.log"),
    })
    processes.unionpaySandbox = startProcess("unionpay-sandbox", node, [unionpay.cli], {
      env: {
        UNIONPAY_SANDBOX_PORT: String(ports.unionpaySandbox),
        UNIONPAY_SANDBOX_DATA_DIR: unionpaySandboxDir,
        UNIONPAY_SANDBOX_TIME_SCALE: "0.01",
      },
      echo: false,
      logFile: path.join(logDir, "unionpay-sandbox.log"),
    })
    processes.wechatStandin = startProcess(
      "wechat",
      node,
      [at("scripts", "wechat-api-standin.mjs"), String(ports.wechatStandin)],
      { echo: false, logFile: path.join(logDir, "wechat-standin.log") }
    )
    processes.commerceServers = ports.commerceServers.map((port, index) =>
      spawnService(`commerce-${index + 1}`, startScript("commerce"), ["server"], {
        ...commerceEnv,
        PORT: String(port),
        // As on two machines: each server has its own disk, only object storage is shared.
        PRIVATE_UPLOAD_DIR: path.join(dataDir, `commerce-${index + 1}`, "private-uploads"),
      })
    )
    processes.commerceWorker = spawnService(
      "commerce-worker",
      startScript("commerce"),
      ["worker"],
      {
        ...commerceEnv,
        PORT: String(ports.commerceWorker),
        PRIVATE_UPLOAD_DIR: path.join(dataDir, "commerce-worker", "private-uploads"),
      }
    )
    processes.cms = spawnService("cms", startScript("cms"), [], cmsEnv)
    processes.webServers = ports.webServers.map((port, index) =>
      spawnService(`web-${index + 1}`, startScript("web"), [], webEnv(port))
    )
    processes.miniprogramH5 = spawnService("miniprogram-h5", startScript("h5"), [], {
      PORT: String(ports.miniprogramH5Server),
      COMMERCE_PUBLIC_URL: urls.commerce,
      MEDUSA_PUBLISHABLE_KEY: publishableKey,
      CMS_PUBLIC_URL: urls.cms,
      STOREFRONT_PUBLIC_URL: urls.web,
    })
  })

  const alive = (child) => () => child.exitCode === null && child.signalCode === null
  const ready = (name, url, child, accept = (status) => status === 200) =>
    waitForHttp(name, url, { accept, isAlive: alive(child), timeoutMs: 300_000 })
  try {
    await phase("ready", async () => {
      await Promise.all([
        ...ports.commerceServers.map((port, index) =>
          ready(`commerce-${index + 1}`, `${local(port)}/health`, processes.commerceServers[index])
        ),
        ready("commerce-worker", `${urls.commerceWorker}/health`, processes.commerceWorker),
        ready(
          "cms",
          `${local(ports.cmsServer)}/_health`,
          processes.cms,
          (s) => s === 204 || s === 200
        ),
        ...ports.webServers.map((port, index) =>
          ready(`web-${index + 1}`, local(port), processes.webServers[index])
        ),
        ready(
          "miniprogram-h5",
          `${local(ports.miniprogramH5Server)}/runtime-config.js`,
          processes.miniprogramH5
        ),
      ])
      // And the same through nginx.
      await Promise.all([
        ready("nginx → commerce", `${urls.commerce}/health`, processes.nginx),
        ready("nginx → cms", `${urls.cms}/_health`, processes.nginx, (s) => s === 204 || s === 200),
        ready("nginx → web", urls.web, processes.nginx),
        ready("nginx → h5", `${urls.miniprogramH5}/runtime-config.js`, processes.nginx),
      ])
    })
  } catch (error) {
    await stopAll()
    throw error
  }
  timings.total = (Date.now() - started) / 1000

  return {
    urls,
    ports,
    publishableKey,
    redisUrl: redis.redisUrl,
    redisPrefixes: prefixes,
    databaseUrls: { commerce: commerceDbUrl, cms: cmsEnv.CMS_DATABASE_URL },
    s3: { ...storageEnv },
    wechatpaySandboxUrl: local(ports.wechatpaySandbox),
    wechatpaySandboxDir: path.join(DATA_DIR, "wechatpay-sandbox"),
    alipaySandboxUrl: local(ports.alipaySandbox),
    unionpaySandboxUrl: local(ports.unionpaySandbox),
    logDir,
    timings,
    processes,
    stop: stopAll,
  }
}
