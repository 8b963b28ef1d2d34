// The production smoke test: the exact scripts the images run (scripts/prod/start-*.mjs), from
// the production build in a clean copy (scripts/prod/build-all.mjs), with production settings:
// NODE_ENV=production, fresh secrets, no demo data, object storage on (the S3 stand-in), the
// Aliyun SMS provider against a stand-in that checks its signatures, SMTP, and public origins
// that are not localhost. It boots migrate → commerce server and worker, cms, web and the
// mini-program H5, then checks health, a catalog read, a member sign-in and the admin.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { startAliyunSmsStandin, type AliyunSmsStandin } from "./support/aliyun-sms-standin"
import {
  cmsEnvironment,
  commerceEnvironment,
  freshSecrets,
  h5Environment,
  queryDatabase,
  recreateDatabases,
  webEnvironment,
  type ProductionSettings,
} from "./support/production-environment"
import {
  ensureProductionBuild,
  phase,
  PRODUCTION_COPY,
  PRODUCTION_LOG_DIR,
  runProductionStep,
  startProductionService,
  startS3Standin,
  startSmtpCatcher,
  stopProcesses,
  waitUntilAnswering,
  type ProductionProcess,
} from "./support/production-services"

const POSTGRES_URL = process.env.PRODUCTION_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432"
const REDIS_URL = process.env.PRODUCTION_REDIS_URL || "redis://127.0.0.1:6379"
const PORTS = { commerce: 29000, cms: 21337, web: 28000, h5: 28086 }
const WORKER_PORT = 29001
const S3_PORT = 24569
const URL_OF = (port: number) => `http://127.0.0.1:${port}`
const commerceUrl = URL_OF(PORTS.commerce)

const SMS = {
  accessKeyId: "LTAI-prodsmoke",
  accessKeySecret: `smoke-${Date.now()}-secret`,
  signName: "健康服务平台",
  authCodeTemplate: "SMS_400000001",
}

let settings: ProductionSettings
let sms: AliyunSmsStandin | undefined
let scratch = ""
const processes: ProductionProcess[] = []
let commerceServer: ProductionProcess
let publishableKey = ""

/** JSON from commerce, failing with the body when the status is not 2xx. */
async function commerceJson<T>(pathname: string, init: RequestInit = {}): Promise<T> {
  const send = () =>
    fetch(`${commerceUrl}${pathname}`, {
      ...init,
      headers: { "content-type": "application/json", ...(init.headers ?? {}) },
    })
  // A read may meet a kept-alive connection the server has just closed ("other side closed",
  // seen once in CI): the request never reached the server, so a read is sent once more.
  const reading = (init.method ?? "GET") === "GET"
  const response = await send().catch((error: unknown) => {
    if (reading && /other side closed/.test(String((error as Error).cause))) return send()
    throw error
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${pathname} → ${response.status}: ${text}`)
  return JSON.parse(text) as T
}

const store = (key: string, token?: string) => ({
  "x-publishable-api-key": key,
  ...(token ? { authorization: `Bearer ${token}` } : {}),
})

async function staffToken() {
  const { token } = await commerceJson<{ token: string }>("/auth/user/emailpass", {
    method: "POST",
    body: JSON.stringify({ email: settings.adminEmail, password: settings.secrets.adminPassword }),
  })
  return token
}

/** Files of a built folder whose text contains `needle` (the admin bundle, the H5 build). */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = []
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.(js|html|css|json)$/.test(name) && readFileSync(full, "utf8").includes(needle))
        hits.push(path.relative(dir, full))
    }
  }
  walk(dir)
  return hits
}

beforeAll(async () => {
  await phase("production build (build-all --reuse)", () => ensureProductionBuild())

  scratch = mkdtempSync(path.join(tmpdir(), "prod-smoke-"))
  const [commerceDb, cmsDb] = await phase("databases", () =>
    recreateDatabases(POSTGRES_URL, ["health_commerce_prodsmoke", "health_cms_prodsmoke"])
  )
  const s3 = await phase("S3 stand-in", () =>
    startS3Standin(S3_PORT, path.join(scratch, "s3"), ["health-prodsmoke"])
  )
  processes.push(s3.process)
  sms = await startAliyunSmsStandin({
    accessKeyId: SMS.accessKeyId,
    accessKeySecret: SMS.accessKeySecret,
    signName: SMS.signName,
    templateCodes: [SMS.authCodeTemplate],
  })
  const smtp = await phase("SMTP catcher", () => startSmtpCatcher(path.join(scratch, "mail")))
  processes.push(smtp.process)

  settings = {
    ports: PORTS,
    databases: { commerce: commerceDb, cms: cmsDb },
    redisUrl: REDIS_URL,
    redisPrefix: `prodsmoke-${Date.now()}`,
    secrets: freshSecrets(),
    adminEmail: "ops@prodsmoke.example.cn",
    s3: {
      endpoint: s3.endpoint,
      bucket: "health-prodsmoke",
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
    sms: { endpoint: sms.endpoint, ...SMS },
    smtp: {
      host: "127.0.0.1",
      port: smtp.port,
      from: "健康服务平台 <no-reply@prodsmoke.example.cn>",
    },
  }

  const commerceEnv = commerceEnvironment(settings)
  // Two one-shot runs at once, as two deployments starting together would: the advisory
  // lock makes the second wait, and both end well.
  const migrations = await phase("migrate (two at once)", () =>
    Promise.all([
      runProductionStep("commerce-migrate-1", "start-commerce", ["migrate"], commerceEnv),
      runProductionStep("commerce-migrate-2", "start-commerce", ["migrate"], commerceEnv),
    ])
  )
  for (const migration of migrations) {
    if (migration.code !== 0)
      throw new Error(`migrate failed (${migration.code}):\n${migration.output}`)
  }

  await phase("commerce server, worker, cms, web, H5 up", async () => {
    const server = startProductionService(
      "commerce-server",
      "start-commerce",
      ["server"],
      commerceEnv
    )
    commerceServer = server
    const worker = startProductionService("commerce-worker", "start-commerce", ["worker"], {
      ...commerceEnv,
      PORT: String(WORKER_PORT),
    })
    const cms = startProductionService("cms", "start-cms", [], cmsEnvironment(settings))
    processes.push(server, worker, cms)
    await Promise.all([
      waitUntilAnswering(server, `${commerceUrl}/health/ready`),
      // A worker loads no API routes: Medusa's own /health is all it answers.
      waitUntilAnswering(worker, `${URL_OF(WORKER_PORT)}/health`),
      waitUntilAnswering(cms, `${URL_OF(PORTS.cms)}/api/health/ready`),
    ])
    // The web and the H5 start once commerce answers, as compose orders them.
    const web = startProductionService("web", "start-web", [], webEnvironment(settings))
    const h5 = startProductionService("h5", "start-h5", [], h5Environment(settings))
    processes.push(web, h5)
    await Promise.all([
      waitUntilAnswering(web, `${URL_OF(PORTS.web)}/api/health/ready`),
      waitUntilAnswering(h5, `${URL_OF(PORTS.h5)}/health`),
    ])
  })
}, 3_600_000)

// Stopping a platform and dropping its databases waits on a disk other work may be using.
afterAll(async () => {
  await phase("stop", async () => {
    await stopProcesses(processes)
    await sms?.stop()
  })
  if (scratch) rmSync(scratch, { recursive: true, force: true })
}, 600_000)

describe("production build, started as the images start it", () => {
  it("answers every liveness and readiness endpoint", async () => {
    const endpoints = [
      `${commerceUrl}/health`,
      `${commerceUrl}/health/live`,
      `${commerceUrl}/health/ready`,
      `${URL_OF(WORKER_PORT)}/health`,
      `${URL_OF(PORTS.cms)}/_health`,
      `${URL_OF(PORTS.cms)}/api/health/ready`,
      `${URL_OF(PORTS.web)}/api/health/live`,
      `${URL_OF(PORTS.web)}/api/health/ready`,
      `${URL_OF(PORTS.h5)}/health`,
    ]
    const answers = await Promise.all(
      endpoints.map(async (url) => ({ url, ok: (await fetch(url)).ok }))
    )
    expect(answers).toEqual(endpoints.map((url) => ({ url, ok: true })))
    const h5 = await fetch(URL_OF(PORTS.h5))
    expect(h5.status).toBe(200)
    expect(await h5.text()).toContain("<html")
  })

  it("creates reference data only: no demo member, no demo products", async () => {
    const token = await staffToken()
    // The escort services (陪诊服务) are the platform's own catalogue, seeded as reference data
    // with their price rules; gene-test kits are the operators' to create.
    const { products } = await commerceJson<{
      products: { title: string; type: { value: string } | null }[]
    }>(`/admin/products?limit=50&fields=${encodeURIComponent("title,type.value")}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(products.filter((p) => p.type?.value !== "陪诊服务")).toEqual([])
    expect(products.map((p) => p.title).sort()).toEqual(
      ["代取报告/代问诊", "住院陪护", "全日陪诊", "半日陪诊"].sort()
    )
    const customers = await queryDatabase<{ email: string }>(
      settings.databases.commerce,
      "select email from customer where deleted_at is null"
    )
    expect(customers).toEqual([])
    // Reference data is there: the region, and a publishable key for the shop.
    const regions = await queryDatabase<{ currency_code: string }>(
      settings.databases.commerce,
      "select currency_code from region where deleted_at is null"
    )
    expect(regions.map((region) => region.currency_code)).toContain("cny")
  })

  it("serves the admin and lets staff sign in with the configured super admin", async () => {
    const page = await fetch(`${commerceUrl}/app`)
    expect(page.status).toBe(200)
    expect(page.headers.get("content-type")).toContain("text/html")
    expect(await page.text()).toContain('id="medusa"')

    const token = await staffToken()
    const response = await fetch(`${commerceUrl}/admin/products`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { products: unknown }
    expect(Array.isArray(body.products)).toBe(true)
  })

  it("bakes no localhost backend into the admin bundle", () => {
    const admin = path.join(PRODUCTION_COPY, "commerce", ".medusa", "server", "public", "admin")
    expect(filesContaining(admin, "localhost:9000")).toEqual([])
  })

  it("reads the catalog through the store API with the shop's publishable key", async () => {
    publishableKey = await shopPublishableKey()
    const token = await staffToken()
    const admin = { authorization: `Bearer ${token}` }
    const { sales_channels } = await commerceJson<{ sales_channels: { id: string }[] }>(
      "/admin/sales-channels",
      { headers: admin }
    )
    const handle = `prodsmoke-kit-${Date.now()}`
    await commerceJson("/admin/products", {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        title: "冒烟测试检测套餐",
        handle,
        status: "published",
        sales_channels: sales_channels.map(({ id }) => ({ id })),
        options: [{ title: "规格", values: ["标准"] }],
        variants: [
          {
            title: "标准",
            options: { 规格: "标准" },
            manage_inventory: false,
            prices: [{ currency_code: "cny", amount: 199 }],
          },
        ],
      }),
    })
    const { products } = await commerceJson<{ products: { handle: string; title: string }[] }>(
      `/store/products?handle=${handle}`,
      { headers: store(publishableKey) }
    )
    expect(products).toEqual([expect.objectContaining({ handle, title: "冒烟测试检测套餐" })])

    // The web, started without MEDUSA_PUBLISHABLE_KEY, shows the product: it found the key itself.
    const page = await fetch(`${URL_OF(PORTS.web)}/products/${handle}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain("冒烟测试检测套餐")
  })

  it("keeps uploads in object storage, not on the server's disk", async () => {
    const token = await staffToken()
    const form = new FormData()
    // A 1×1 PNG: commerce takes uploads by their content.
    const bytes = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64"
    )
    form.append("files", new Blob([bytes], { type: "image/png" }), "kit.png")
    const response = await fetch(`${commerceUrl}/admin/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
    expect(response.status).toBe(200)
    const { files } = (await response.json()) as { files: { url: string }[] }
    expect(files[0].url.startsWith(`${settings.s3.endpoint}/health-prodsmoke/commerce/`)).toBe(true)
    const stored = await fetch(files[0].url)
    expect(stored.status).toBe(200)
    expect(Buffer.from(await stored.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it("signs a member in with a code the Aliyun SMS provider delivered, signed", async () => {
    const key = publishableKey || (await shopPublishableKey())
    const phone = "13912340017"
    const sent = await fetch(`${commerceUrl}/store/auth/sms-codes`, {
      method: "POST",
      headers: { "content-type": "application/json", ...store(key) },
      body: JSON.stringify({ phone, purpose: "login" }),
    })
    expect(sent.status).toBe(201)
    const message = await sms!.waitForMessage(phone)
    expect(message).toEqual(
      expect.objectContaining({ signName: SMS.signName, templateCode: SMS.authCodeTemplate })
    )
    expect(message.params.code).toMatch(/^\d{4,8}$/)
    expect(sms!.refused).toEqual([])

    const { token } = await commerceJson<{ token: string }>("/auth/customer/phone", {
      method: "POST",
      headers: store(key),
      body: JSON.stringify({ phone, code: message.params.code }),
    })
    const me = await fetch(`${commerceUrl}/store/customers/me`, { headers: store(key, token) })
    expect(me.status).toBe(200)
    const { customer } = (await me.json()) as { customer: { phone: string | null } }
    expect(customer.phone).toContain("13912340017")

    // The servers logged the sign-in without the member's number.
    const logs = ["commerce-server", "commerce-worker"].map((name) =>
      readFileSync(path.join(PRODUCTION_LOG_DIR, `${name}.log`), "utf8")
    )
    for (const log of logs) expect(log).not.toContain("13912340017")
  })

  it("renders the shop's home page with no localhost link", async () => {
    const response = await fetch(URL_OF(PORTS.web))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain("<html")
    expect(html).not.toMatch(/localhost/i)
    const runtimeConfig = await (await fetch(`${URL_OF(PORTS.h5)}/runtime-config.js`)).text()
    expect(runtimeConfig).toContain(commerceUrl)
    // The H5 server found the shop's key by itself too.
    expect(runtimeConfig).toContain(await shopPublishableKey())
    expect(runtimeConfig).not.toMatch(/localhost/i)
  })

  it("refuses to start commerce in production without JWT_SECRET, naming it", async () => {
    const env: Record<string, string | undefined> = {
      ...commerceEnvironment(settings),
      PORT: "29009",
      JWT_SECRET: undefined,
    }
    const { code, output } = await runProductionStep(
      "commerce-without-jwt-secret",
      "start-commerce",
      ["server"],
      env,
      { timeoutMs: 180_000 }
    )
    expect(code).not.toBe(0)
    expect(output).toContain("JWT_SECRET")
  })

  it("stops gracefully when the start script gets SIGTERM, as `docker stop` sends it", async () => {
    // Only the start script (the container's main process) is signalled: it passes it on.
    process.kill(commerceServer.child.pid!, "SIGTERM")
    let timer: NodeJS.Timeout | undefined
    const code = await Promise.race([
      commerceServer.exited,
      new Promise<string>(
        (resolve) => (timer = setTimeout(() => resolve("still running"), 60_000))
      ),
    ])
    clearTimeout(timer)
    expect(code).toBe(0)
    await expect(fetch(`${commerceUrl}/health/live`)).rejects.toThrow()
  })
})

/** The key the shop uses, as the web and the H5 obtain it: from commerce, no manual step. */
async function shopPublishableKey(): Promise<string> {
  const { storefront_settings } = await commerceJson<{
    storefront_settings: { publishable_key: string }
  }>("/public/storefront-settings")
  expect(storefront_settings.publishable_key).toMatch(/^pk_/)
  return storefront_settings.publishable_key
}
