// What the production tests run the images with: fresh random secrets each run (never a
// published value), object storage, the real SMS provider against a stand-in, SMTP, and
// public origins that are not localhost. One builder per service, like docker-compose's
// environment blocks, so the cluster and restore tests start the same configuration.
import { randomBytes } from "node:crypto"
import { createRequire } from "node:module"
import path from "node:path"

const requireFromRoot = createRequire(path.resolve(__dirname, "..", "..", "..", "package.json"))

export interface ProductionSecrets {
  jwtSecret: string
  cookieSecret: string
  healthDataKeys: string
  orderAccessSecret: string
  webForwardSecret: string
  revalidateSecret: string
  cmsWebhookSecret: string
  cmsApiToken: string
  cmsAppKeys: string
  cmsAdminJwtSecret: string
  cmsApiTokenSalt: string
  cmsTransferTokenSalt: string
  cmsEncryptionKey: string
  cmsJwtSecret: string
  adminPassword: string
}

const hex = (bytes = 32) => randomBytes(bytes).toString("hex")

/** A new set of secrets: nothing a run signs or encrypts is valid in any other run. */
export function freshSecrets(): ProductionSecrets {
  return {
    jwtSecret: hex(),
    cookieSecret: hex(),
    healthDataKeys: `prod1:${randomBytes(32).toString("base64")}`,
    orderAccessSecret: hex(),
    webForwardSecret: hex(),
    revalidateSecret: hex(),
    cmsWebhookSecret: hex(),
    cmsApiToken: hex(),
    cmsAppKeys: [hex(16), hex(16), hex(16), hex(16)].join(","),
    cmsAdminJwtSecret: hex(),
    cmsApiTokenSalt: hex(),
    cmsTransferTokenSalt: hex(),
    cmsEncryptionKey: hex(16),
    cmsJwtSecret: hex(),
    adminPassword: `Pw-${hex(12)}`,
  }
}

export interface ProductionPorts {
  commerce: number
  cms: number
  web: number
  h5: number
}

export interface ProductionSettings {
  ports: ProductionPorts
  /** Full database URLs. */
  databases: { commerce: string; cms: string }
  redisUrl: string
  /** Keeps this run's Redis keys and queues apart from every other stack on the machine. */
  redisPrefix: string
  secrets: ProductionSecrets
  adminEmail: string
  s3: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string }
  sms: {
    endpoint: string
    accessKeyId: string
    accessKeySecret: string
    signName: string
    authCodeTemplate: string
  }
  smtp: { host: string; port: number; from: string }
  /** Origins browsers would use; 127.0.0.1 addresses of the ports by default (not localhost). */
  publicOrigins?: Partial<Record<"commerce" | "cms" | "web" | "h5", string>>
}

export function publicOriginsOf(settings: ProductionSettings) {
  const at = (port: number) => `http://127.0.0.1:${port}`
  return {
    commerce: settings.publicOrigins?.commerce ?? at(settings.ports.commerce),
    cms: settings.publicOrigins?.cms ?? at(settings.ports.cms),
    web: settings.publicOrigins?.web ?? at(settings.ports.web),
    h5: settings.publicOrigins?.h5 ?? at(settings.ports.h5),
  }
}

/** commerce's server, worker and migrate environment (start-commerce.mjs adds the mode). */
export function commerceEnvironment(settings: ProductionSettings): Record<string, string> {
  const { secrets, ports } = settings
  const origins = publicOriginsOf(settings)
  const browserOrigins = [origins.web, origins.h5, origins.commerce].join(",")
  return {
    NODE_ENV: "production",
    PORT: String(ports.commerce),
    DATABASE_URL: settings.databases.commerce,
    REDIS_URL: settings.redisUrl,
    MEDUSA_REDIS_PREFIX: `${settings.redisPrefix}-`,
    QUEUE_PREFIX: settings.redisPrefix,
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "info",
    JWT_SECRET: secrets.jwtSecret,
    COOKIE_SECRET: secrets.cookieSecret,
    HEALTH_DATA_KEYS: secrets.healthDataKeys,
    ORDER_ACCESS_SECRET: secrets.orderAccessSecret,
    WEB_FORWARD_SECRET: secrets.webForwardSecret,
    REVALIDATE_SECRET: secrets.revalidateSecret,
    CMS_WEBHOOK_SECRET: secrets.cmsWebhookSecret,
    CMS_API_TOKEN: secrets.cmsApiToken,
    MEDUSA_ADMIN_EMAIL: settings.adminEmail,
    MEDUSA_ADMIN_PASSWORD: secrets.adminPassword,
    COMMERCE_PUBLIC_URL: origins.commerce,
    MEDUSA_BACKEND_URL: origins.commerce,
    STOREFRONT_PUBLIC_URL: origins.web,
    CMS_PUBLIC_URL: origins.cms,
    MINIPROGRAM_H5_PUBLIC_URL: origins.h5,
    CMS_URL: `http://127.0.0.1:${ports.cms}`,
    STORE_CORS: browserOrigins,
    AUTH_CORS: browserOrigins,
    ADMIN_CORS: origins.commerce,
    S3_ENDPOINT: settings.s3.endpoint,
    S3_REGION: "us-east-1",
    S3_BUCKET: settings.s3.bucket,
    S3_ACCESS_KEY_ID: settings.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: settings.s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
    SMS_PROVIDER: "aliyun",
    SMS_ALIYUN_ENDPOINT: settings.sms.endpoint,
    SMS_ALIYUN_ACCESS_KEY_ID: settings.sms.accessKeyId,
    SMS_ALIYUN_ACCESS_KEY_SECRET: settings.sms.accessKeySecret,
    SMS_ALIYUN_SIGN_NAME: settings.sms.signName,
    SMS_ALIYUN_TEMPLATE_AUTH_CODE: settings.sms.authCodeTemplate,
    SMTP_HOST: settings.smtp.host,
    SMTP_PORT: String(settings.smtp.port),
    EMAIL_FROM: settings.smtp.from,
  }
}

export function cmsEnvironment(settings: ProductionSettings): Record<string, string> {
  const { secrets, ports } = settings
  const origins = publicOriginsOf(settings)
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(ports.cms),
    CMS_DATABASE_URL: settings.databases.cms,
    CMS_API_TOKEN: secrets.cmsApiToken,
    CMS_PUBLIC_URL: origins.cms,
    CMS_CORS_ORIGINS: [origins.web, origins.h5, origins.cms].join(","),
    COMMERCE_CMS_HOOK_URL: `http://127.0.0.1:${ports.commerce}/hooks/cms`,
    CMS_WEBHOOK_SECRET: secrets.cmsWebhookSecret,
    APP_KEYS: secrets.cmsAppKeys,
    ADMIN_JWT_SECRET: secrets.cmsAdminJwtSecret,
    API_TOKEN_SALT: secrets.cmsApiTokenSalt,
    TRANSFER_TOKEN_SALT: secrets.cmsTransferTokenSalt,
    ENCRYPTION_KEY: secrets.cmsEncryptionKey,
    JWT_SECRET: secrets.cmsJwtSecret,
    CMS_ADMIN_EMAIL: settings.adminEmail,
    CMS_ADMIN_PASSWORD: secrets.adminPassword,
    CMS_DEMO_USERS: "false",
    S3_ENDPOINT: settings.s3.endpoint,
    S3_REGION: "us-east-1",
    S3_BUCKET: settings.s3.bucket,
    S3_ACCESS_KEY_ID: settings.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: settings.s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
    STRAPI_TELEMETRY_DISABLED: "true",
  }
}

/** The web with no MEDUSA_PUBLISHABLE_KEY: it obtains the key from commerce by itself. */
export function webEnvironment(settings: ProductionSettings): Record<string, string> {
  const { secrets, ports } = settings
  const origins = publicOriginsOf(settings)
  return {
    NODE_ENV: "production",
    PORT: String(ports.web),
    MEDUSA_BACKEND_URL: `http://127.0.0.1:${ports.commerce}`,
    COMMERCE_PUBLIC_URL: origins.commerce,
    STOREFRONT_PUBLIC_URL: origins.web,
    STOREFRONT_URL: origins.web,
    CMS_URL: `http://127.0.0.1:${ports.cms}`,
    CMS_PUBLIC_URL: origins.cms,
    CMS_API_TOKEN: secrets.cmsApiToken,
    REVALIDATE_SECRET: secrets.revalidateSecret,
    WEB_FORWARD_SECRET: secrets.webForwardSecret,
    REDIS_URL: settings.redisUrl,
    NEXT_CACHE_PREFIX: `${settings.redisPrefix}-web:`,
    NEXT_TELEMETRY_DISABLED: "1",
  }
}

export function h5Environment(settings: ProductionSettings): Record<string, string> {
  const origins = publicOriginsOf(settings)
  return {
    NODE_ENV: "production",
    PORT: String(settings.ports.h5),
    COMMERCE_PUBLIC_URL: origins.commerce,
    CMS_PUBLIC_URL: origins.cms,
    STOREFRONT_PUBLIC_URL: origins.web,
  }
}

/** Drops and creates each database; answers their URLs on `serverUrl`. */
export async function recreateDatabases(serverUrl: string, names: string[]) {
  const { Client } = requireFromRoot("pg")
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    for (const name of names) {
      await client.query(`drop database if exists "${name}" with (force)`)
      await client.query(`create database "${name}"`)
    }
  } finally {
    await client.end()
  }
  return names.map((name) => `${serverUrl}/${name}`)
}

/** Runs one query against a database and answers its rows. */
export async function queryDatabase<T = Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = []
): Promise<T[]> {
  const { Client } = requireFromRoot("pg")
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows as T[]
  } finally {
    await client.end()
  }
}
