import { randomBytes } from "node:crypto"
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { at, DATA_DIR } from "./paths.mjs"
import { buildIfChanged } from "./build-stamp.mjs"
import { step } from "./log.mjs"
import { onShutdown, run, startProcess } from "./processes.mjs"
import { localSecrets } from "./local-secrets.mjs"
import { ensureReportFont } from "./report-font.mjs"
import { buildPlugins } from "./plugins.mjs"
import { ensureDatabase, ensurePostgres, ensureRedis } from "./services.mjs"
import { waitForHttp } from "./wait-for.mjs"
import { buildAll } from "../prod/build-all.mjs"
import { migrateCommerce } from "../prod/start-commerce.mjs"

const require = createRequire(at("package.json"))
const bin = (name) => at("node_modules", ".bin", name)

export const DEMO_LOGINS = {
  medusaAdmin: {
    email: process.env.MEDUSA_ADMIN_EMAIL || "admin@health.local",
    password: process.env.MEDUSA_ADMIN_PASSWORD || "Admin12345",
  },
  cmsAdmin: {
    email: process.env.CMS_ADMIN_EMAIL || "admin@health.local",
    password: process.env.CMS_ADMIN_PASSWORD || "Admin12345",
  },
  customer: {
    email: process.env.DEMO_CUSTOMER_EMAIL || "demo@health.local",
    password: process.env.DEMO_CUSTOMER_PASSWORD || "Demo12345",
  },
}

/** Ports and database names: `npm test` uses its own so it never touches `npm start`'s data. */
function profile(mode) {
  const test = mode === "test"
  // E2E_STACK_ID keeps a second test stack on the same machine apart (databases, queues);
  // give it its own ports with COMMERCE_PORT, CMS_PORT, WEB_PORT and the payment sandboxes' below.
  const id = test && process.env.E2E_STACK_ID ? `_${process.env.E2E_STACK_ID}` : ""
  return {
    commercePort: Number(process.env.COMMERCE_PORT || (test ? 19000 : 9000)),
    cmsPort: Number(process.env.CMS_PORT || (test ? 11337 : 1337)),
    webPort: Number(process.env.WEB_PORT || (test ? 18000 : 8000)),
    // The mini-program's H5 build (10086 is Taro's own H5 dev port, already in commerce's CORS).
    miniprogramH5Port: Number(process.env.MINIPROGRAM_H5_PORT || (test ? 18086 : 10086)),
    commerceDb: test
      ? `health_commerce_e2e${id}`
      : process.env.COMMERCE_DB_NAME || "health_commerce",
    cmsDb: test ? `health_cms_e2e${id}` : process.env.CMS_DB_NAME || "health_cms",
    queuePrefix: test ? `health-e2e${id}` : "health",
    redisPrefix: test ? `e2e${id}-` : "",
    wechatStandinPort: Number(process.env.WECHAT_STANDIN_PORT || (test ? 19401 : 9401)),
    identityStandinPort: Number(process.env.IDENTITY_STANDIN_PORT || (test ? 19402 : 9402)),
    insurerStandinPort: Number(process.env.INSURER_STANDIN_PORT || (test ? 19403 : 9403)),
    privacyNumberStandinPort: Number(
      process.env.PRIVACY_NUMBER_STANDIN_PORT || (test ? 19404 : 9404)
    ),
    wechatpaySandboxPort: Number(process.env.WECHATPAY_SANDBOX_PORT || (test ? 19400 : 9400)),
    alipaySandboxPort: Number(process.env.ALIPAY_SANDBOX_PORT || (test ? 19410 : 9410)),
    unionpaySandboxPort: Number(process.env.UNIONPAY_SANDBOX_PORT || (test ? 19500 : 9500)),
    // 视频问诊 signalling (WebSocket); browsers connect to it directly on one machine.
    videoSignallingPort: Number(process.env.VIDEO_SIGNALLING_PORT || (test ? 19020 : 9020)),
  }
}

async function recreateDatabase(serverUrl, name) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
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

/**
 * The official account whose web OAuth gives a payer's openid inside WeChat's browser
 * (JSAPI): a real one when WECHAT_OA_APPID is set, none with a real WeChat API but no
 * official account, otherwise the local stand-in (its AppID is bound to the sandbox merchant).
 */
function officialAccountEnv(p) {
  const names = [
    "WECHAT_OA_APPID",
    "WECHAT_OA_SECRET",
    "WECHAT_OA_TOKEN",
    "WECHAT_OA_AES_KEY",
    "WECHAT_API_BASE",
    "WECHAT_OPEN_BASE",
  ]
  if (process.env.WECHAT_OA_APPID) {
    return Object.fromEntries(names.filter((n) => process.env[n]).map((n) => [n, process.env[n]]))
  }
  if (process.env.WECHAT_API_BASE) return {}
  const standin = `http://127.0.0.1:${p.wechatStandinPort}`
  return {
    WECHAT_OA_APPID: "wx7777777777777777",
    WECHAT_OA_SECRET: "wx-dev-oa-secret",
    // The server URL's token and safe-mode key the stand-in signs and seals pushes with, made
    // per boot: commerce runs with NODE_ENV=production, which refuses the stand-in's published
    // ones (known-demo-secrets.ts) and would leave the official account off.
    WECHAT_OA_TOKEN: randomBytes(16).toString("hex"),
    WECHAT_OA_AES_KEY: randomBytes(32).toString("base64").slice(0, 43),
    WECHAT_API_BASE: standin,
    WECHAT_OPEN_BASE: standin,
  }
}

/**
 * 实名认证: Tencent Cloud FaceID when IDENTITY_VERIFICATION_PROVIDER is set, otherwise the
 * local stand-in that speaks its signed API (scripts/identity-verification-standin.mjs).
 */
/**
 * 陪诊 liability insurance: the insurer named by INSURER_PROVIDER when set, otherwise the
 * local stand-in speaking the signed JSON contract (scripts/insurer-standin.mjs).
 */
function insurerEnv(p) {
  if (process.env.INSURER_PROVIDER) return {}
  return {
    INSURER_PROVIDER: "signed_json",
    INSURER_API_URL: `http://127.0.0.1:${p.insurerStandinPort}`,
    INSURER_APP_ID: "standin-insurer-app",
    INSURER_SECRET: "standin-insurer-secret-0000000000",
  }
}

/**
 * 电话问诊 privacy numbers: Aliyun 号码隐私保护 when PRIVACY_NUMBER_PROVIDER is set, otherwise
 * the local stand-in that speaks its signed RPC API (scripts/privacy-number-standin.mjs).
 */
function privacyNumberEnv(p) {
  if (process.env.PRIVACY_NUMBER_PROVIDER) return {}
  return {
    PRIVACY_NUMBER_PROVIDER: "aliyun",
    ALIYUN_PLS_ACCESS_KEY_ID: "LTAIstandinpls000000",
    ALIYUN_PLS_ACCESS_KEY_SECRET: "standin-pls-secret-000000000000",
    ALIYUN_PLS_POOL_KEY: "FC100000000000001",
    ALIYUN_PLS_ENDPOINT: `http://127.0.0.1:${p.privacyNumberStandinPort}/`,
    ALIYUN_PLS_CALLBACK_SECRET: "standin-pls-callback-secret-0000",
  }
}

function identityVerificationEnv(p) {
  if (process.env.IDENTITY_VERIFICATION_PROVIDER) return {}
  return {
    IDENTITY_VERIFICATION_PROVIDER: "tencent",
    TENCENTCLOUD_SECRET_ID: "AKIDstandinidentity0000000000000000",
    TENCENTCLOUD_SECRET_KEY: "standin-identity-secret-key-000000",
    TENCENTCLOUD_FACEID_ENDPOINT: `http://127.0.0.1:${p.identityStandinPort}`,
  }
}

/**
 * Mail (password reset): an SMTP server when SMTP_HOST is set (the e2e journeys set it to
 * the catcher they read), otherwise the log: commerce runs with NODE_ENV=production here
 * and refuses to start with neither.
 */
function mailEnv() {
  if (!process.env.SMTP_HOST) return { EMAIL_PROVIDER: process.env.EMAIL_PROVIDER || "log" }
  const names = [
    "EMAIL_PROVIDER",
    "SMTP_HOST",
    "SMTP_PORT",
    "SMTP_SECURE",
    "SMTP_USER",
    "SMTP_PASSWORD",
    "EMAIL_FROM",
  ]
  return Object.fromEntries(names.filter((n) => process.env[n]).map((n) => [n, process.env[n]]))
}

/**
 * Texts: a real gateway when SMS_PROVIDER is set, otherwise the log sender (codes in the
 * commerce log), which production-mode commerce accepts only when told so explicitly.
 */
function smsEnv() {
  if (process.env.SMS_PROVIDER) return {}
  return { SMS_PROVIDER: "log", ALLOW_LOG_SMS: "1" }
}

/**
 * WeChat Pay: a real merchant when WECHATPAY_MCHID is set, otherwise the plugin's sandbox,
 * whose keys are made once under .data/ and whose callbacks reach this commerce.
 */
function wechatpaySettings(p, commerceUrl, appAt) {
  if (process.env.WECHATPAY_MCHID) return { env: {}, sandboxDir: null }
  const sandboxDir = path.join(DATA_DIR, "wechatpay-sandbox")
  const { loadOrCreateSandboxKeys, providerEnv } = require(
    appAt("plugins", "wechatpay", ".medusa", "server", "src", "sandbox", "keys.js")
  )
  const env = providerEnv(
    loadOrCreateSandboxKeys(sandboxDir),
    sandboxDir,
    `http://localhost:${p.wechatpaySandboxPort}`,
    `${commerceUrl}/hooks/payment/wechatpay_wechatpay`
  )
  return { env, sandboxDir }
}

/**
 * 支付宝: a real app when ALIPAY_APP_ID is set, otherwise the plugin's sandbox (keys made once
 * under .data/), whose cashier the browser opens, which notifies this commerce and sends the
 * shopper back to the web's return route.
 */
function alipaySettings(p, urls, appAt) {
  if (process.env.ALIPAY_APP_ID) return { env: {}, sandboxDir: null }
  const sandboxDir = path.join(DATA_DIR, "alipay-sandbox")
  const { loadOrCreateAlipaySandboxKeys, providerEnv } = require(
    appAt("plugins", "alipay", ".medusa", "server", "src", "sandbox", "keys.js")
  )
  const env = {
    ...providerEnv(
      loadOrCreateAlipaySandboxKeys(sandboxDir),
      `http://localhost:${p.alipaySandboxPort}/gateway.do`,
      `${urls.commerce}/hooks/payment/alipay_alipay`
    ),
    ALIPAY_RETURN_URL: `${urls.web}/checkout/return/alipay`,
  }
  return { env, sandboxDir }
}

/**
 * 银联: a real merchant when UNIONPAY_MER_ID is set, otherwise the plugin's sandbox (its
 * certificate chain made once under .data/), whose cashier posts the shopper back to the web.
 */
function unionpaySettings(p, urls, appAt) {
  if (process.env.UNIONPAY_MER_ID) return { env: {}, sandboxDir: null }
  const sandboxDir = path.join(DATA_DIR, "unionpay-sandbox")
  const { loadOrCreateSandboxPki, providerEnv } = require(
    appAt("plugins", "unionpay", ".medusa", "server", "src", "sandbox", "pki.js")
  )
  const env = providerEnv(
    loadOrCreateSandboxPki(sandboxDir),
    sandboxDir,
    `http://localhost:${p.unionpaySandboxPort}`,
    {
      notifyUrl: `${urls.commerce}/hooks/payment/unionpay_unionpay`,
      frontUrl: `${urls.web}/checkout/return/unionpay`,
    }
  )
  return { env, sandboxDir }
}

/**
 * Uploads (product images) live in commerce/static, where the seed writes them; the built
 * server serves /static from its own folder, which a rebuild wipes, so it links back.
 */
function linkCommerceUploads() {
  const uploads = at("commerce", "static")
  const served = at("commerce", ".medusa", "server", "static")
  mkdirSync(uploads, { recursive: true })
  if (existsSync(served) && lstatSync(served).isSymbolicLink()) return
  rmSync(served, { recursive: true, force: true })
  symlinkSync(path.relative(path.dirname(served), uploads), served)
}

/**
 * `npm start`'s builds, in this checkout, each skipped when its sources are unchanged since
 * its last good build (build stamps).
 */
async function buildDevelopmentApps(commerceEnv, cmsEnv, webEnv) {
  const commerceDir = at("commerce")
  await buildIfChanged(
    "commerce",
    [commerceDir, at("plugins")],
    at("commerce", ".medusa", "server", "public", "admin", "index.html"),
    () => run(bin("medusa"), ["build"], { cwd: commerceDir, env: commerceEnv, quiet: true })
  )
  linkCommerceUploads()
  await buildIfChanged("cms", at("cms"), at("cms", "dist", "build", "index.html"), () =>
    run(bin("strapi"), ["build"], { cwd: at("cms"), env: cmsEnv, quiet: true })
  )
  await buildIfChanged(
    "web",
    [at("storefront", "web"), at("storefront", "core"), at("commerce", "contracts")],
    at("storefront", "web", ".next", "BUILD_ID"),
    () =>
      run(bin("next"), ["build"], {
        cwd: at("storefront", "web"),
        env: { ...webEnv, NODE_ENV: "production" },
        quiet: true,
      })
  )

  // Back ends reach the H5 build when it is served (/runtime-config.js), so one build serves
  // every run whatever its publishable key.
  const miniprogramDir = at("storefront", "miniprogram")
  await buildIfChanged(
    "miniprogram-h5",
    [miniprogramDir, at("storefront", "core"), at("commerce", "contracts")],
    path.join(miniprogramDir, "dist", "h5", "index.html"),
    () =>
      run(process.execPath, [path.join(miniprogramDir, "scripts", "taro-build.mjs"), "h5"], {
        cwd: miniprogramDir,
        quiet: true,
      })
  )
}

/**
 * Brings up the whole platform: services, databases, builds, migrations, seed,
 * then commerce, cms and web, and waits until each answers its health check.
 * `npm start` builds and runs the apps in this checkout. The e2e stack (mode "test") runs what
 * the images contain: the production build of a clean copy (scripts/prod/build-all.mjs, reused
 * when its sources are unchanged), migrated and seeded by the image's own migrate step.
 * `buildOnly` stops after the builds and touches no database: `npm test` builds the e2e
 * stack's apps while other stages run, and the e2e's own boot then finds them current.
 */
export async function bootStack({ mode = "start", echo = true, buildOnly = false } = {}) {
  const p = profile(mode)
  const fromProductionBuild = mode === "test"
  const logDir = path.join(DATA_DIR, "logs", mode)

  step("检查 PostgreSQL 与 Redis …")
  const postgres = await ensurePostgres()
  if (postgres.embedded) onShutdown(() => postgres.embedded.stop())
  const redis = await ensureRedis()

  const commerceDbUrl = `${postgres.serverUrl}/${p.commerceDb}`
  const cmsDbUrl = `${postgres.serverUrl}/${p.cmsDb}`
  if (buildOnly) {
    // No database: the builds read none.
  } else if (mode === "test") {
    await recreateDatabase(postgres.serverUrl, p.commerceDb)
    await recreateDatabase(postgres.serverUrl, p.cmsDb)
  } else {
    await ensureDatabase(postgres.serverUrl, p.commerceDb)
    await ensureDatabase(postgres.serverUrl, p.cmsDb)
  }

  const urls = {
    commerce: `http://localhost:${p.commercePort}`,
    admin: `http://localhost:${p.commercePort}/app`,
    cms: `http://localhost:${p.cmsPort}`,
    cmsAdmin: `http://localhost:${p.cmsPort}/admin`,
    web: `http://localhost:${p.webPort}`,
    miniprogramH5: `http://localhost:${p.miniprogramH5Port}`,
  }
  // Generated on the first run into .data/secrets.json; the environment may set its own.
  const secrets = localSecrets()
  const cmsToken = process.env.CMS_API_TOKEN || secrets.cmsApiToken
  const revalidateSecret = process.env.REVALIDATE_SECRET || secrets.revalidateSecret
  // Signs the CMS's content events to commerce's POST /hooks/cms.
  const cmsWebhookSecret = process.env.CMS_WEBHOOK_SECRET || secrets.cmsWebhookSecret
  // Lets commerce believe the shopper address the web forwards (x-shopper-ip).
  const webForwardSecret = process.env.WEB_FORWARD_SECRET || secrets.webForwardSecret
  // Signs 视频问诊 room tokens and the signalling service's call reports to commerce.
  const videoCallSecret = process.env.VIDEO_CALL_SECRET || secrets.videoCallSecret

  // Commerce's server URL and template messages and the web's OAuth use the same account.
  const officialAccount = officialAccountEnv(p)
  const commerceEnv = {
    // Collection sites and clinic sessions for appointments come from the CMS.
    CMS_URL: urls.cms,
    // The demo catalogue, member and logins the README names (production seeds reference data only).
    SEED_DEMO: "1",
    CMS_API_TOKEN: cmsToken,
    DATABASE_URL: commerceDbUrl,
    REDIS_URL: redis.redisUrl,
    MEDUSA_BACKEND_URL: urls.commerce,
    PORT: String(p.commercePort),
    QUEUE_PREFIX: p.queuePrefix,
    // Medusa's own Redis queues and cache, kept apart from a running `npm start`.
    MEDUSA_REDIS_PREFIX: p.redisPrefix,
    STOREFRONT_URL: urls.web,
    REVALIDATE_SECRET: revalidateSecret,
    CMS_WEBHOOK_SECRET: cmsWebhookSecret,
    MEDUSA_DISABLE_TELEMETRY: "true",
    HEALTH_DATA_KEYS: process.env.HEALTH_DATA_KEYS || secrets.healthDataKeys,
    JWT_SECRET: process.env.JWT_SECRET || secrets.jwtSecret,
    COOKIE_SECRET: process.env.COOKIE_SECRET || secrets.cookieSecret,
    ORDER_ACCESS_SECRET: process.env.ORDER_ACCESS_SECRET || secrets.orderAccessSecret,
    WEB_FORWARD_SECRET: webForwardSecret,
    VIDEO_CALL_SECRET: videoCallSecret,
    VIDEO_SIGNALLING_URL:
      process.env.VIDEO_SIGNALLING_URL || `ws://localhost:${p.videoSignallingPort}/ws/video`,
    // Encrypted reports and uploads: an absolute folder, since the built server runs
    // from .medusa/server, which every rebuild wipes.
    PRIVATE_UPLOAD_DIR:
      process.env.PRIVATE_UPLOAD_DIR ||
      (mode === "test"
        ? path.join(DATA_DIR, "e2e-private-uploads")
        : at("commerce", "private-uploads")),
    // The e2e journeys watch an unanswered 图文问诊 refunded: 29 s to answer, a sweep every 2 s.
    ...(mode === "test"
      ? {
          CONSULTATION_ANSWER_HOURS: process.env.CONSULTATION_ANSWER_HOURS || "0.008",
          CONSULTATION_SWEEP_MS: process.env.CONSULTATION_SWEEP_MS || "2000",
        }
      : {}),
    // The mini-program's H5 build calls the store API from the browser.
    STORE_CORS:
      process.env.STORE_CORS ||
      `http://localhost:8000,http://localhost:9000,http://localhost:10086,${urls.web},${urls.miniprogramH5}`,
    AUTH_CORS:
      process.env.AUTH_CORS ||
      `http://localhost:8000,http://localhost:9000,http://localhost:10086,${urls.web},${urls.miniprogramH5}`,
    // Without a real WeChat app, mini-program sign-in talks to the local stand-in.
    WECHAT_API_BASE: process.env.WECHAT_API_BASE || `http://127.0.0.1:${p.wechatStandinPort}`,
    ...officialAccount,
    ...identityVerificationEnv(p),
    ...privacyNumberEnv(p),
    ...insurerEnv(p),
    ...mailEnv(),
    ...smsEnv(),
  }
  const cmsEnv = {
    DATABASE_URL: "",
    CMS_DATABASE_URL: cmsDbUrl,
    PORT: String(p.cmsPort),
    HOST: "127.0.0.1",
    CMS_API_TOKEN: cmsToken,
    CMS_PUBLIC_URL: urls.cms,
    // Browsers may call the CMS from the shop, the mini-program's H5 build and its own admin.
    CMS_CORS_ORIGINS:
      process.env.CMS_CORS_ORIGINS || `${urls.web},${urls.miniprogramH5},${urls.cms}`,
    COMMERCE_CMS_HOOK_URL: `${urls.commerce}/hooks/cms`,
    CMS_WEBHOOK_SECRET: cmsWebhookSecret,
    APP_KEYS: process.env.CMS_APP_KEYS || secrets.cmsAppKeys,
    ADMIN_JWT_SECRET: process.env.CMS_ADMIN_JWT_SECRET || secrets.cmsAdminJwtSecret,
    API_TOKEN_SALT: process.env.CMS_API_TOKEN_SALT || secrets.cmsApiTokenSalt,
    TRANSFER_TOKEN_SALT: process.env.CMS_TRANSFER_TOKEN_SALT || secrets.cmsTransferTokenSalt,
    ENCRYPTION_KEY: process.env.CMS_ENCRYPTION_KEY || secrets.cmsEncryptionKey,
    JWT_SECRET: process.env.CMS_JWT_SECRET || secrets.cmsJwtSecret,
    STRAPI_TELEMETRY_DISABLED: "true",
    NODE_ENV: "production",
    SEED_DEMO: "1",
  }

  step("构建应用（源码未变时跳过）…")
  let appRoot = at()
  if (fromProductionBuild) {
    // The checkout's plugin builds are current after buildPlugins() (it rebuilds what
    // changed), and the copy's plugin sources are the checkout's: the commerce build takes
    // their output instead of building each plugin a second time.
    await buildPlugins()
    appRoot = await buildAll({ source: at(), reuse: true, pluginBuildsFrom: at() })
  } else {
    await buildPlugins()
  }
  /** A path in the checkout whose apps run: this one, or the production build's copy. */
  const appAt = (...parts) => path.join(appRoot, ...parts)
  const appBin = (name) => appAt("node_modules", ".bin", name)
  const wechatpay = wechatpaySettings(p, urls.commerce, appAt)
  Object.assign(commerceEnv, wechatpay.env)
  const alipay = alipaySettings(p, urls, appAt)
  Object.assign(commerceEnv, alipay.env)
  const unionpay = unionpaySettings(p, urls, appAt)
  Object.assign(commerceEnv, unionpay.env)

  const webEnv = {
    MEDUSA_BACKEND_URL: urls.commerce,
    // Read from the seeded database below, before the web starts.
    MEDUSA_PUBLISHABLE_KEY: "",
    CMS_URL: urls.cms,
    CMS_PUBLIC_URL: urls.cms,
    CMS_API_TOKEN: cmsToken,
    REVALIDATE_SECRET: revalidateSecret,
    WEB_FORWARD_SECRET: webForwardSecret,
    // The shop's pages open the 视频问诊 signalling socket (its CSP names this origin).
    VIDEO_SIGNALLING_URL: commerceEnv.VIDEO_SIGNALLING_URL,
    STOREFRONT_URL: urls.web,
    NEXT_TELEMETRY_DISABLED: "1",
    // Pages and data in Redis rather than the build's files: the build ran with no back end
    // up, so the pages it prerendered are empty; Redis starts without them and the first
    // visit renders each with its data.
    NEXT_CACHE_REDIS_URL: redis.redisUrl,
    NEXT_CACHE_PREFIX: `${p.queuePrefix}:web:`,
    PORT: String(p.webPort),
    ...officialAccount,
  }

  // The admin bundle includes the plugins' admin extensions.
  if (!fromProductionBuild) await buildDevelopmentApps(commerceEnv, cmsEnv, webEnv)
  if (buildOnly) return { urls }

  const commerceDir = at("commerce")
  step("迁移并初始化商城数据库 …")
  if (fromProductionBuild) {
    await migrateCommerce(appRoot, { ...process.env, ...commerceEnv, NODE_ENV: "production" })
  } else {
    await run(bin("medusa"), ["db:migrate"], { cwd: commerceDir, env: commerceEnv, quiet: true })
    await run(bin("medusa"), ["exec", "./src/scripts/seed.ts"], {
      cwd: commerceDir,
      env: commerceEnv,
      quiet: true,
    })
  }
  // The web and the H5 are given the key at start; without it the web would ask commerce.
  const publishableKey = await readPublishableKey(commerceDbUrl)
  webEnv.MEDUSA_PUBLISHABLE_KEY = publishableKey

  // The web's 「下载 PDF」 of a 体质辨识 report embeds this font.
  ensureReportFont()
  step("启动 commerce、cms、web …")
  const processes = {
    ...(wechatpay.sandboxDir
      ? {
          wechatpay: startProcess(
            "wechatpay",
            process.execPath,
            [appAt("plugins", "wechatpay", ".medusa", "server", "src", "sandbox", "cli.js")],
            {
              env: {
                WECHATPAY_SANDBOX_PORT: String(p.wechatpaySandboxPort),
                WECHATPAY_SANDBOX_DATA_DIR: wechatpay.sandboxDir,
                WECHATPAY_SANDBOX_TIME_SCALE: "0.01",
              },
              echo: false,
              logFile: path.join(logDir, "stack-wechatpay-sandbox.log"),
            }
          ),
        }
      : {}),
    ...(alipay.sandboxDir
      ? {
          alipay: startProcess(
            "alipay",
            process.execPath,
            [appAt("plugins", "alipay", ".medusa", "server", "src", "sandbox", "cli.js")],
            {
              env: {
                ALIPAY_SANDBOX_PORT: String(p.alipaySandboxPort),
                ALIPAY_SANDBOX_DATA_DIR: alipay.sandboxDir,
                ALIPAY_SANDBOX_TIME_SCALE: "0.01",
                ALIPAY_NOTIFY_URL: alipay.env.ALIPAY_NOTIFY_URL,
              },
              echo: false,
              logFile: path.join(logDir, "stack-alipay-sandbox.log"),
            }
          ),
        }
      : {}),
    ...(unionpay.sandboxDir
      ? {
          unionpay: startProcess(
            "unionpay",
            process.execPath,
            [appAt("plugins", "unionpay", ".medusa", "server", "src", "sandbox", "cli.js")],
            {
              env: {
                UNIONPAY_SANDBOX_PORT: String(p.unionpaySandboxPort),
                UNIONPAY_SANDBOX_DATA_DIR: unionpay.sandboxDir,
                UNIONPAY_SANDBOX_TIME_SCALE: "0.01",
              },
              echo: false,
              logFile: path.join(logDir, "stack-unionpay-sandbox.log"),
            }
          ),
        }
      : {}),
    ...(process.env.WECHAT_API_BASE
      ? {}
      : {
          wechat: startProcess(
            "wechat",
            process.execPath,
            [at("scripts", "wechat-api-standin.mjs"), String(p.wechatStandinPort)],
            {
              echo: false,
              logFile: path.join(logDir, "stack-wechat-standin.log"),
              // Signs and seals its pushes to commerce's server URL with commerce's token and key.
              env: Object.fromEntries(
                ["WECHAT_OA_TOKEN", "WECHAT_OA_AES_KEY"]
                  .filter((name) => officialAccount[name])
                  .map((name) => [name, officialAccount[name]])
              ),
            }
          ),
        }),
    ...(process.env.IDENTITY_VERIFICATION_PROVIDER
      ? {}
      : {
          identity: startProcess(
            "identity",
            process.execPath,
            [at("scripts", "identity-verification-standin.mjs"), String(p.identityStandinPort)],
            {
              echo: false,
              logFile: path.join(logDir, "stack-identity-standin.log"),
            }
          ),
        }),
    ...(process.env.PRIVACY_NUMBER_PROVIDER
      ? {}
      : {
          privacyNumber: startProcess(
            "privacy-number",
            process.execPath,
            [at("scripts", "privacy-number-standin.mjs"), String(p.privacyNumberStandinPort)],
            {
              echo: false,
              logFile: path.join(logDir, "stack-privacy-number-standin.log"),
            }
          ),
        }),
    ...(process.env.INSURER_PROVIDER
      ? {}
      : {
          insurer: startProcess(
            "insurer",
            process.execPath,
            [at("scripts", "insurer-standin.mjs"), String(p.insurerStandinPort)],
            {
              echo: false,
              logFile: path.join(logDir, "stack-insurer-standin.log"),
              env: { INSURER_CALLBACK_URL: `${urls.commerce}/hooks/insurer` },
            }
          ),
        }),
    commerce: startProcess("commerce", appBin("medusa"), ["start", "-p", String(p.commercePort)], {
      cwd: appAt("commerce", ".medusa", "server"),
      env: { ...commerceEnv, NODE_ENV: "production" },
      echo,
      logFile: path.join(logDir, "stack-commerce.log"),
    }),
    videoSignalling: startProcess(
      "video-signalling",
      process.execPath,
      [appAt("commerce", ".medusa", "server", "src", "video-signalling", "main.js")],
      {
        cwd: appAt("commerce", ".medusa", "server"),
        env: {
          ...commerceEnv,
          NODE_ENV: "production",
          VIDEO_SIGNALLING_PORT: String(p.videoSignallingPort),
          VIDEO_CALL_REPORT_URL: `${urls.commerce}/hooks/video-call`,
        },
        echo: false,
        logFile: path.join(logDir, "stack-video-signalling.log"),
      }
    ),
    cms: startProcess("cms", appBin("strapi"), ["start"], {
      cwd: appAt("cms"),
      env: cmsEnv,
      echo,
      logFile: path.join(logDir, "stack-cms.log"),
    }),
    miniprogramH5: startProcess(
      "miniprogram-h5",
      process.execPath,
      [appAt("storefront", "miniprogram", "scripts", "serve-h5.mjs"), String(p.miniprogramH5Port)],
      {
        env: {
          TARO_APP_COMMERCE_URL: urls.commerce,
          TARO_APP_PUBLISHABLE_KEY: publishableKey,
          TARO_APP_CMS_URL: urls.cms,
          TARO_APP_WEB_URL: urls.web,
        },
        echo: false,
        logFile: path.join(logDir, "stack-miniprogram-h5.log"),
      }
    ),
    web: startProcess("web", appBin("next"), ["start", "-p", String(p.webPort)], {
      cwd: appAt("storefront", "web"),
      env: { ...webEnv, NODE_ENV: "production" },
      echo,
      logFile: path.join(logDir, "stack-web.log"),
    }),
  }
  const alive = (child) => () => child.exitCode === null && child.signalCode === null
  await Promise.all([
    waitForHttp("commerce", `${urls.commerce}/health`, {
      accept: (s) => s === 200,
      isAlive: alive(processes.commerce),
    }),
    waitForHttp("cms", `${urls.cms}/_health`, {
      accept: (s) => s === 204 || s === 200,
      isAlive: alive(processes.cms),
    }),
    waitForHttp("web", urls.web, { accept: (s) => s === 200, isAlive: alive(processes.web) }),
    waitForHttp("video-signalling", `http://127.0.0.1:${p.videoSignallingPort}/health`, {
      accept: (s) => s === 200,
      isAlive: alive(processes.videoSignalling),
    }),
    waitForHttp("miniprogram-h5", `${urls.miniprogramH5}/runtime-config.js`, {
      accept: (s) => s === 200,
      isAlive: alive(processes.miniprogramH5),
    }),
  ])

  return {
    urls,
    publishableKey,
    // Where the running apps' builds are (the production build's copy in test mode).
    appRoot,
    // What the web was started with (its CMS token and shared secrets), for a second web server.
    webEnv,
    processes,
    databaseUrls: { commerce: commerceDbUrl, cms: cmsDbUrl },
    redisUrl: redis.redisUrl,
  }
}
