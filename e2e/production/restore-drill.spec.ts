// The restore drill: a member uploads their lab report PDF to commerce running from the
// production build with object storage on; `npm run backup`; everything is wiped (databases
// dropped, the bucket emptied); `npm run restore` into fresh databases and the empty bucket;
// commerce starts again and the member opens the same report, byte for byte. Along the way:
// the backup holds no health-data key and no readable report, a damaged backup is refused
// before anything is touched, and a restore over live data is refused without --force.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { startAliyunSmsStandin, type AliyunSmsStandin } from "./support/aliyun-sms-standin"
import { backupEnvironment, runBackupScript } from "./support/backup-scripts"
import {
  cmsEnvironment,
  commerceEnvironment,
  freshSecrets,
  queryDatabase,
  recreateDatabases,
  type ProductionSettings,
} from "./support/production-environment"
import {
  ensureProductionBuild,
  phase,
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
const PORTS = { commerce: 29400, cms: 21437, web: 28400, h5: 28486 }
const S3_PORT = 24669
const BUCKET = "health-restore"
const DATABASES = ["health_commerce_restore", "health_cms_restore"]
const commerceUrl = `http://127.0.0.1:${PORTS.commerce}`

const SMS = {
  accessKeyId: "LTAI-restoredrill",
  accessKeySecret: `restore-${Date.now()}-secret`,
  signName: "健康服务平台",
  authCodeTemplate: "SMS_400000001",
}

/** A one-page PDF as a lab would send it (the upload accepts what starts like a PDF). */
const REPORT_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n% 检测报告 GT0000000001 王小明\n"
)

let settings: ProductionSettings
let scratch = ""
let sms: AliyunSmsStandin | undefined
let s3: Awaited<ReturnType<typeof startS3Standin>> | undefined
let commerce: ProductionProcess | undefined
const processes: ProductionProcess[] = []

const MEMBER = { email: `restore-${Date.now()}@example.com`, password: "Secret12345" }

async function json(pathname: string, init: RequestInit & { key?: string; token?: string } = {}) {
  const response = await fetch(`${commerceUrl}${pathname}`, {
    ...init,
    headers: {
      ...(init.body && typeof init.body === "string" ? { "content-type": "application/json" } : {}),
      ...(init.key ? { "x-publishable-api-key": init.key } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${pathname} → ${response.status}: ${text}`)
  return JSON.parse(text)
}

async function publishableKey() {
  const rows = await queryDatabase<{ token: string }>(
    settings.databases.commerce,
    "select token from api_key where type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1"
  )
  return rows[0].token
}

const signIn = async () =>
  (
    await json("/auth/customer/emailpass", {
      method: "POST",
      body: JSON.stringify(MEMBER),
    })
  ).token as string

/** The report's bytes as the member gets them from commerce. */
async function openReport(uploadId: string) {
  const key = await publishableKey()
  const token = await signIn()
  const response = await fetch(`${commerceUrl}/store/health-archive/uploads/${uploadId}/file`, {
    headers: { "x-publishable-api-key": key, authorization: `Bearer ${token}` },
  })
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) }
}

async function startCommerce() {
  commerce = startProductionService(
    "restore-commerce",
    "start-commerce",
    ["server"],
    commerceEnvironment(settings)
  )
  processes.push(commerce)
  await waitUntilAnswering(commerce, `${commerceUrl}/health/ready`)
}

async function startS3() {
  s3 = await startS3Standin(S3_PORT, path.join(scratch, "s3"), [BUCKET])
  processes.push(s3.process)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

const databaseExists = async (name: string) =>
  (
    await queryDatabase(
      `${POSTGRES_URL}/postgres`,
      "select 1 from pg_database where datname = $1",
      [name]
    )
  ).length > 0

async function dropDatabases(ifExists = "") {
  for (const name of DATABASES)
    await queryDatabase(
      `${POSTGRES_URL}/postgres`,
      `drop database ${ifExists} "${name}" with (force)`
    )
}

const cmsFingerprint = async () =>
  (
    await queryDatabase<{ tables: number; admins: number }>(
      settings.databases.cms,
      `select (select count(*)::int from pg_tables where schemaname = 'public') as tables,
              (select count(*)::int from admin_users) as admins`
    )
  )[0]

beforeAll(async () => {
  await phase("production build (build-all --reuse)", () => ensureProductionBuild())
  scratch = mkdtempSync(path.join(tmpdir(), "restore-drill-"))
  const [commerceDb, cmsDb] = await recreateDatabases(POSTGRES_URL, DATABASES)
  await phase("S3 stand-in", startS3)
  sms = await startAliyunSmsStandin({
    accessKeyId: SMS.accessKeyId,
    accessKeySecret: SMS.accessKeySecret,
    signName: SMS.signName,
    templateCodes: [SMS.authCodeTemplate],
  })
  const smtp = await startSmtpCatcher(path.join(scratch, "mail"))
  processes.push(smtp.process)
  settings = {
    ports: PORTS,
    databases: { commerce: commerceDb, cms: cmsDb },
    redisUrl: REDIS_URL,
    redisPrefix: `restoredrill-${Date.now()}`,
    secrets: freshSecrets(),
    adminEmail: "ops@restore.example.cn",
    s3: {
      endpoint: s3!.endpoint,
      bucket: BUCKET,
      accessKeyId: s3!.accessKeyId,
      secretAccessKey: s3!.secretAccessKey,
    },
    sms: { endpoint: sms.endpoint, ...SMS },
    smtp: {
      host: "127.0.0.1",
      port: smtp.port,
      from: "健康服务平台 <no-reply@restore.example.cn>",
    },
  }
  const migrated = await phase("commerce migrate", () =>
    runProductionStep(
      "restore-migrate",
      "start-commerce",
      ["migrate"],
      commerceEnvironment(settings)
    )
  )
  if (migrated.code !== 0) throw new Error(`migrate failed (${migrated.code}):\n${migrated.output}`)
  await phase("commerce and cms up", async () => {
    const cms = startProductionService("restore-cms", "start-cms", [], cmsEnvironment(settings))
    processes.push(cms)
    await Promise.all([
      startCommerce(),
      waitUntilAnswering(cms, `http://127.0.0.1:${PORTS.cms}/api/health/ready`),
    ])
  })
}, 3_600_000)

// Stopping a platform and dropping its databases waits on a disk other work may be using.
afterAll(async () => {
  await stopProcesses(processes)
  await sms?.stop()
  await dropDatabases("if exists").catch(() => undefined)
  if (scratch) rmSync(scratch, { recursive: true, force: true })
}, 600_000)

describe("restore drill: back up, wipe, restore, and the member still opens their report", () => {
  let uploadId = ""
  let backupFolder = ""
  let cmsBefore: { tables: number; admins: number }

  it("stores a member's lab report PDF, encrypted, in the bucket", async () => {
    const key = await publishableKey()
    const registered = await json("/auth/customer/emailpass/register", {
      method: "POST",
      body: JSON.stringify(MEMBER),
    })
    await json("/store/customers", {
      method: "POST",
      key,
      token: registered.token,
      body: JSON.stringify({ email: MEMBER.email, first_name: "小明", last_name: "王" }),
    })
    const form = new FormData()
    form.append("files", new Blob([REPORT_PDF], { type: "application/pdf" }), "检测报告.pdf")
    const uploaded = await json("/store/health-archive/uploads", {
      method: "POST",
      key,
      token: await signIn(),
      body: form,
    })
    uploadId = uploaded.uploads[0].id
    const opened = await openReport(uploadId)
    expect(opened.status).toBe(200)
    expect(opened.bytes.equals(REPORT_PDF)).toBe(true)
    cmsBefore = await cmsFingerprint()
    expect(cmsBefore.tables).toBeGreaterThan(10)
    expect(cmsBefore.admins).toBeGreaterThanOrEqual(1)
  })

  it("backs up both databases and the bucket into one folder with a checked manifest, without the keys", async () => {
    const run = await phase("npm run backup", () =>
      runBackupScript(
        "backup",
        ["--out", path.join(scratch, "backup")],
        backupEnvironment(settings)
      )
    )
    expect(run.output).toContain("BACKUP_FOLDER=")
    expect(run.code).toBe(0)
    backupFolder = path.join(scratch, "backup")
    const manifest = JSON.parse(readFileSync(path.join(backupFolder, "manifest.json"), "utf8"))
    expect(manifest.databases.map((d: { name: string }) => d.name)).toEqual(["commerce", "cms"])
    for (const dump of manifest.databases) {
      expect(dump.bytes).toBeGreaterThan(1000)
      expect(dump.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(manifest.versions.databases.commerce.pg_dump).toMatch(/pg_dump \(PostgreSQL\) \d+/)
    const keys = manifest.objects.files.map((f: { key: string }) => f.key)
    expect(keys.some((key: string) => key.startsWith("commerce/private/"))).toBe(true)

    // Neither the health-data key nor the report in clear text is anywhere in the backup.
    const [, secretKey] = settings.secrets.healthDataKeys.split(":")
    for (const file of filesUnder(backupFolder)) {
      const bytes = readFileSync(file)
      expect(bytes.includes(secretKey)).toBe(false)
      expect(bytes.includes("检测报告 GT0000000001")).toBe(false)
    }
  })

  it("wipes everything: commerce stopped, databases dropped, bucket emptied", async () => {
    await stopProcesses(processes.filter((p) => p.name !== "smtp-catcher"))
    await dropDatabases()
    rmSync(path.join(scratch, "s3"), { recursive: true, force: true })
    await startS3()
    for (const name of DATABASES) expect(await databaseExists(name)).toBe(false)
  })

  it("refuses a damaged backup before touching any database", async () => {
    const damaged = path.join(scratch, "damaged")
    cpSync(backupFolder, damaged, { recursive: true })
    const manifest = JSON.parse(readFileSync(path.join(damaged, "manifest.json"), "utf8"))
    const victim = path.join(damaged, manifest.objects.files[0].path)
    writeFileSync(victim, Buffer.concat([readFileSync(victim), Buffer.from("x")]))
    const run = await runBackupScript("restore", [damaged], backupEnvironment(settings))
    expect(run.code).not.toBe(0)
    expect(run.output).toContain("the backup is damaged")
    for (const name of DATABASES) expect(await databaseExists(name)).toBe(false)
  })

  it("restores into fresh databases and the empty bucket; the member opens the same PDF", async () => {
    const run = await phase("npm run restore", () =>
      runBackupScript("restore", [backupFolder], backupEnvironment(settings))
    )
    expect(run.output).toContain("restored 2 databases")
    expect(run.code).toBe(0)
    expect(await cmsFingerprint()).toEqual(cmsBefore)

    await phase("commerce up again", startCommerce)
    const opened = await openReport(uploadId)
    expect(opened.status).toBe(200)
    expect(opened.bytes.equals(REPORT_PDF)).toBe(true)
  })

  it("refuses to restore over databases that hold data, unless --force", async () => {
    const run = await runBackupScript("restore", [backupFolder], backupEnvironment(settings))
    expect(run.code).not.toBe(0)
    expect(run.output).toMatch(/is not empty .*--force/)
    // The refusal changed nothing: the member still opens the report.
    expect((await openReport(uploadId)).status).toBe(200)
  })
})
