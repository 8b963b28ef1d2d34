import { randomUUID } from "node:crypto"
import {
  ContainerRegistrationKeys,
  defineConfig,
  loadEnv,
  Modules,
} from "@medusajs/framework/utils"
import { fileStorageFromEnv } from "./src/lib/config/file-storage"
import { assertProductionReady } from "./src/lib/config/production-readiness"
import { publicOrigin } from "./src/lib/config/public-origins"
import { secretFromEnv } from "./src/lib/config/secret-from-env"
import { appLoggerFromEnv } from "./src/lib/logging/app-logger"
import { emailSettingsFromEnv } from "./src/modules/notification-email/email-settings-from-env"

loadEnv(process.env.NODE_ENV || "development", process.cwd())
// Production refuses missing or published secrets, public origins and the log SMS sender.
assertProductionReady()

const redisUrl = process.env.REDIS_URL
const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as "shared" | "worker" | "server"
// Commerce as browsers reach it (COMMERCE_PUBLIC_URL, formerly MEDUSA_BACKEND_URL).
const backendUrl = publicOrigin("commerce")
const devCors = "http://localhost:8000,http://localhost:9000,http://localhost:10086"

// Apps that share one Redis (npm start, the e2e stack, each integration test's app) must
// not take each other's events, workflow jobs or cached data.
const redisPrefix =
  process.env.MEDUSA_REDIS_PREFIX ??
  (process.env.NODE_ENV === "test" ? `test-${randomUUID().slice(0, 8)}-` : "")
// The same for BullMQ queues and the Redis keys read through QUEUE_PREFIX (codes, throttles):
// a test app would otherwise work off jobs an earlier or parallel test app left behind.
if (process.env.NODE_ENV === "test" && !process.env.QUEUE_PREFIX) {
  process.env.QUEUE_PREFIX = `${redisPrefix}health`
}

// With REDIS_URL every piece of shared infrastructure moves to Redis, so several
// server and worker processes can run side by side. Without it Medusa's
// in-process defaults keep development and module tests dependency-free.
const redisModules: Record<string, { resolve: string; options: object }> = redisUrl
  ? {
      [Modules.EVENT_BUS]: {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl, queueName: `${redisPrefix}events-queue` },
      },
      [Modules.WORKFLOW_ENGINE]: {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: {
          redis: {
            redisUrl,
            queueName: `${redisPrefix}medusa-workflows`,
            jobQueueName: `${redisPrefix}medusa-workflows-jobs`,
          },
        },
      },
      [Modules.LOCKING]: {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
      // Medusa's caching module (the cache-redis module is deprecated). Its core caching of
      // queries stays behind Medusa's WIP "caching" feature flag, off; our own code caches
      // through it (lib/affiliate/referral-miniprogram-code.ts). Modules.CACHE, which nothing
      // of ours uses, keeps Medusa's in-memory default.
      [Modules.CACHING]: {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl, prefix: `${redisPrefix}medusa-caching:` },
            },
          ],
        },
      },
    }
  : {}

// WeChat Pay is on when a merchant (or the sandbox, which `npm start` runs) is configured;
// the provider validates every WECHATPAY_* setting at boot.
const wechatpayEnabled = !!process.env.WECHATPAY_MCHID?.trim()
// Merchant credentials without a merchant id would boot silently without WeChat Pay.
const strayWechatpayCredentials = [
  "WECHATPAY_SERIAL_NO",
  "WECHATPAY_PRIVATE_KEY",
  "WECHATPAY_APIV3_KEY",
  "WECHATPAY_PUBLIC_KEY_ID",
  "WECHATPAY_PUBLIC_KEY",
].filter((name) => process.env[name]?.trim())
if (!wechatpayEnabled && strayWechatpayCredentials.length > 0) {
  throw new Error(
    `WECHATPAY_MCHID is empty but ${strayWechatpayCredentials.join(", ")} ` +
      "is set: set the merchant id to turn WeChat Pay on, or clear these to run without it"
  )
}

// 支付宝 is on when an app id is configured (the sandbox's, under tests); the provider
// validates every ALIPAY_* setting at boot. Keys without an app id would boot without it.
const alipayEnabled = !!process.env.ALIPAY_APP_ID?.trim()
const strayAlipayCredentials = [
  "ALIPAY_PRIVATE_KEY",
  "ALIPAY_PUBLIC_KEY",
  "ALIPAY_APP_CERT",
  "ALIPAY_PUBLIC_CERT",
  "ALIPAY_ROOT_CERT",
].filter((name) => process.env[name]?.trim())
if (!alipayEnabled && strayAlipayCredentials.length > 0) {
  throw new Error(
    `ALIPAY_APP_ID is empty but ${strayAlipayCredentials.join(", ")} ` +
      "is set: set the app id to turn Alipay on, or clear these to run without it"
  )
}

// 银联 is on when a merchant number is configured (the sandbox's, under tests); the provider
// validates every UNIONPAY_* setting at boot. Certificates without it would boot without 银联.
const unionpayEnabled = !!process.env.UNIONPAY_MER_ID?.trim()
const strayUnionpayCredentials = [
  "UNIONPAY_SIGN_CERT",
  "UNIONPAY_SIGN_CERT_PASSWORD",
  "UNIONPAY_ROOT_CERT",
  "UNIONPAY_MIDDLE_CERT",
].filter((name) => process.env[name]?.trim())
if (!unionpayEnabled && strayUnionpayCredentials.length > 0) {
  throw new Error(
    `UNIONPAY_MER_ID is empty but ${strayUnionpayCredentials.join(", ")} ` +
      "is set: set the merchant number to turn UnionPay on, or clear these to run without it"
  )
}

module.exports = defineConfig({
  // Masked lines with request ids; JSON lines in production (lib/logging).
  logger: appLoggerFromEnv(),
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/health_commerce",
    databaseDriverOptions: {
      pool: { min: 0, max: Number(process.env.DATABASE_POOL_MAX || 10) },
    },
    redisUrl,
    workerMode,
    // Medusa marks the admin session cookie Secure in production, and express-session
    // then never sets it over plain http: admin sign-in at http://localhost would fail.
    cookieOptions: { secure: backendUrl.startsWith("https://") },
    http: {
      storeCors: process.env.STORE_CORS || devCors,
      adminCors: process.env.ADMIN_CORS || devCors,
      authCors: process.env.AUTH_CORS || devCors,
      jwtSecret: secretFromEnv("JWT_SECRET"),
      cookieSecret: secretFromEnv("COOKIE_SECRET"),
      jwtExpiresIn: process.env.JWT_EXPIRES_IN || "7d",
      // Staff sign in with email and password only; members also by phone code and WeChat.
      authMethodsPerActor: { user: ["emailpass"], customer: ["emailpass", "phone", "wechat"] },
    },
  },
  admin: {
    path: "/app",
    // "/": the built admin calls the origin it was served from, so one build runs behind any
    // domain (the dashboard's js-sdk turns "/" into window.location.origin).
    backendUrl: "/",
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  plugins: [
    {
      resolve: "@health/medusa-plugin-affiliate",
      options: {
        redisUrl,
        workerMode,
        queuePrefix: process.env.QUEUE_PREFIX,
        // Share links and poster QR codes: the shop as members reach it.
        storefrontUrl: publicOrigin("storefront"),
      },
    },
    ...(wechatpayEnabled ? [{ resolve: "@health/medusa-plugin-wechatpay", options: {} }] : []),
    ...(alipayEnabled ? [{ resolve: "@health/medusa-plugin-alipay", options: {} }] : []),
    ...(unionpayEnabled ? [{ resolve: "@health/medusa-plugin-unionpay", options: {} }] : []),
  ],
  modules: {
    ...redisModules,
    [Modules.PAYMENT]: {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          ...(wechatpayEnabled
            ? [
                {
                  resolve: "@health/medusa-plugin-wechatpay/providers/wechatpay",
                  id: "wechatpay",
                  options: {},
                },
              ]
            : []),
          ...(alipayEnabled
            ? [
                {
                  resolve: "@health/medusa-plugin-alipay/providers/alipay",
                  id: "alipay",
                  options: {},
                },
              ]
            : []),
          ...(unionpayEnabled
            ? [
                {
                  resolve: "@health/medusa-plugin-unionpay/providers/unionpay",
                  id: "unionpay",
                  options: {},
                },
              ]
            : []),
        ],
      },
    },
    // Object storage when S3_BUCKET is set, the local disk otherwise (lib/config/file-storage).
    [Modules.FILE]: {
      resolve: "@medusajs/medusa/file",
      options: { providers: [fileStorageFromEnv(process.env, backendUrl)] },
    },
    // One channel per provider; subscribers call createNotifications with a channel.
    [Modules.NOTIFICATION]: {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          // Member notices (notifications/notify-member.ts): the inbox, texts, WeChat.
          {
            resolve: "./src/modules/notification-feed",
            id: "feed",
            options: { channels: ["feed"] },
          },
          { resolve: "./src/modules/notification-sms", id: "sms", options: { channels: ["sms"] } },
          {
            resolve: "./src/modules/notification-wechat",
            id: "wechat",
            options: { channels: ["wechat"] },
          },
          {
            // Browser notifications (VAPID, WEB_PUSH_* env); off until the keys are set.
            resolve: "./src/modules/notification-web-push",
            id: "web-push",
            options: { channels: ["web-push"] },
          },
          {
            // 公众号模板消息 (WECHAT_OA_*): modules/notification-wechat-oa.
            resolve: "./src/modules/notification-wechat-oa",
            id: "wechat-oa",
            options: { channels: ["wechat-oa"] },
          },
          {
            // SMTP, or the log outside production (modules/notification-email).
            resolve: "./src/modules/notification-email",
            id: "email",
            options: { channels: ["email"], ...emailSettingsFromEnv() },
          },
        ],
      },
    },
    [Modules.AUTH]: {
      resolve: "@medusajs/medusa/auth",
      dependencies: [Modules.CACHE, ContainerRegistrationKeys.LOGGER],
      options: {
        providers: [
          { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
          { resolve: "./src/modules/auth-phone", id: "phone" },
          { resolve: "./src/modules/auth-wechat", id: "wechat" },
        ],
      },
    },
    queue: {
      resolve: "./src/modules/queue",
      options: {
        redisUrl: redisUrl || "redis://127.0.0.1:6379",
        workerMode,
        // The job handlers it runs, loaded at start (they import workflows that enqueue).
        processors: "./src/queues",
      },
    },
    inbox: {
      resolve: "./src/modules/inbox",
    },
    webPushSubscription: {
      resolve: "./src/modules/web-push-subscription",
    },
    healthArchive: {
      resolve: "./src/modules/health-archive",
    },
    constitution: {
      resolve: "./src/modules/constitution",
    },
    access: {
      resolve: "./src/modules/access",
    },
    auditLog: {
      resolve: "./src/modules/audit-log",
    },
    appointment: {
      resolve: "./src/modules/appointment",
    },
    siteSearch: {
      resolve: "./src/modules/site-search",
      options: {
        // Meilisearch when MEILI_HOST is set; Postgres always holds a copy and answers
        // whenever Meilisearch cannot.
        meilisearch: process.env.MEILI_HOST
          ? { host: process.env.MEILI_HOST, apiKey: process.env.MEILI_MASTER_KEY }
          : undefined,
      },
    },
    articlePush: {
      resolve: "./src/modules/article-push",
    },
    marketingPush: {
      resolve: "./src/modules/marketing-push",
    },
    wechatPlatform: {
      resolve: "./src/modules/wechat-platform",
    },
    // 公众号 (服务号): followers and member links, replies, the menu, template sends.
    wechatOfficialAccount: {
      resolve: "./src/modules/wechat-official-account",
    },
    reconciliation: {
      resolve: "./src/modules/reconciliation",
    },
    escort: {
      resolve: "./src/modules/escort",
    },
    financeRollup: {
      resolve: "./src/modules/finance-rollup",
    },
    escortDispatch: {
      resolve: "./src/modules/escort-dispatch",
    },
    escortMessaging: {
      resolve: "./src/modules/escort-messaging",
    },
    escortIncome: {
      resolve: "./src/modules/escort-income",
    },
    // 医生收入: doctors' earnings per consultation, report and group session, and withdrawals.
    doctorIncome: {
      resolve: "./src/modules/doctor-income",
    },
    // 事件与理赔, 平台保障金 and liability insurance (INSURER_PROVIDER; see README).
    escortCase: {
      resolve: "./src/modules/escort-case",
    },
    escortReview: {
      resolve: "./src/modules/escort-review",
    },
    moderation: {
      resolve: "./src/modules/moderation",
    },
    // 实名认证 (Tencent Cloud FaceID or its stand-in, IDENTITY_VERIFICATION_PROVIDER).
    identityVerification: {
      resolve: "./src/modules/identity-verification",
    },
    escortAdmission: {
      resolve: "./src/modules/escort-admission",
    },
    // 陪诊员培训与考试: synced CMS courses, exam attempts graded server-side, certificates.
    escortTraining: {
      resolve: "./src/modules/escort-training",
    },
    consultation: {
      resolve: "./src/modules/consultation",
    },
    // 视频问诊 sessions, reported by the signalling service (src/video-signalling).
    videoCall: {
      resolve: "./src/modules/video-call",
    },
    // 检测评估: a member's withdrawable grant to one expert over chosen archive items, and the report.
    assessment: {
      resolve: "./src/modules/assessment",
    },
    // 在线咨询: experts' scheduled group sessions, members' seats, moderated questions.
    groupSession: {
      resolve: "./src/modules/group-session",
    },
  },
})
