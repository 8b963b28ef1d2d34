import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { loadOrCreateSandboxKeys, providerEnv } from "@health/medusa-plugin-wechatpay/sandbox"
import fc from "fast-check"
import { mkdtempSync, readdirSync, readFileSync, statSync } from "fs"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import { tmpdir } from "os"
import path from "path"
import seed from "../../src/scripts/seed"
import { ERROR_MESSAGES } from "../../src/api/error-messages"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment } from "../helpers/checkout"
import { startWechatStandin } from "../helpers/wechat-standin"
import { captureRunningExpressApp, registeredRoutes } from "../helpers/running-express-app"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { CONSULTATION_MODULE } from "../../src/modules/consultation"
import type ConsultationModuleService from "../../src/modules/consultation/service"

jest.setTimeout(600_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
process.env.SMS_PROVIDER = "log"
// The WeChat Pay plugin's routes exist only when it is configured; never called out.
const wechatDir = mkdtempSync(path.join(tmpdir(), "fuzz-wxpay-"))
Object.assign(
  process.env,
  providerEnv(
    loadOrCreateSandboxKeys(wechatDir),
    wechatDir,
    "http://127.0.0.1:9",
    "http://localhost/hooks/payment/wechatpay_wechatpay"
  )
)

/**
 * A CMS that knows no documents, as Strapi 5 answers: routes that read one get a
 * real "not found" rather than "CMS unavailable" (that 503 is not about the input).
 */
function startEmptyCms(): Server {
  return createServer((req, res) => {
    const [, , , documentId] = new URL(req.url ?? "/", "http://cms").pathname.split("/")
    res.writeHead(documentId ? 404 : 200, { "content-type": "application/json" })
    res.end(
      JSON.stringify(
        documentId
          ? { data: null, error: { status: 404, name: "NotFoundError", message: "Not Found" } }
          : { data: [], meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } } }
      )
    )
  })
}

const runningApp = captureRunningExpressApp()

// The audit log records every admin attempt, refused ones included, by design.
const LOGS_EVEN_REFUSALS = new Set(["audit_entry"])

const CHINESE = /[\u4e00-\u9fff]/
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
/**
 * Signed-in cases per route: a budget of about 3,600 requests shared by every route (24 each
 * when there were 150, 10 at 368, at least 6), so the file's time stays flat as routes are
 * added; the seed changes every run, so the cases differ from run to run and accumulate over
 * runs. FUZZ_RUNS sets it outright.
 */
const signedInRuns = (routes: number) =>
  Number(process.env.FUZZ_RUNS ?? Math.max(6, Math.min(24, Math.round(3600 / routes))))
const RUNS_ANONYMOUS = 4

type Headers = Record<string, string>
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
type Route = { method: Method; pattern: string; params: string[]; source: string }

const REPO = path.resolve(__dirname, "../../..")
const API_DIRS = [
  path.join(REPO, "commerce/src/api"),
  ...readdirSync(path.join(REPO, "plugins")).map((p) => path.join(REPO, "plugins", p, "src/api")),
]

function filesUnder(dir: string, name: RegExp): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry)
    if (entry === "__tests__" || entry === "node_modules") return []
    return statSync(full).isDirectory() ? filesUnder(full, name) : name.test(entry) ? [full] : []
  })
}

/** Every custom route: `route.ts` files under the app's and the plugins' `src/api`. */
function customRoutes(): Route[] {
  return API_DIRS.flatMap((dir) =>
    filesUnder(dir, /^route\.ts$/).flatMap((file) => {
      const segments = path.relative(dir, path.dirname(file)).split(path.sep)
      const params = segments.filter((s) => /^\[.+\]$/.test(s)).map((s) => s.slice(1, -1))
      const pattern = "/" + segments.join("/")
      const text = readFileSync(file, "utf8")
      const methods = [
        ...text.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g
        ),
      ].map((m) => m[1] as Method)
      return [...new Set(methods)].map((method) => ({
        method,
        pattern,
        params,
        source: path.relative(REPO, file),
      }))
    })
  )
}

/** Field names our validators know, so bodies and queries reach past the first check. */
function knownFields(): string[] {
  const names = new Set<string>()
  for (const dir of API_DIRS) {
    for (const file of filesUnder(dir, /validators?\.ts$/)) {
      for (const m of readFileSync(file, "utf8").matchAll(/^\s+(\w+):\s*z[\s.]/gm)) names.add(m[1])
    }
  }
  return [...names]
}

// Ids that broke things before, mixed with anything fast-check makes up.
const NASTY_IDS = [
  "%00",
  "%E0%A4%A",
  "%zz",
  "a%00b",
  "%C0%AF",
  "%FF",
  "%0A",
  "%7F",
  "%25",
  encodeURIComponent("' OR 1=1 --"),
  "x".repeat(400),
  "null",
  "-1",
  "1e309",
]

// Well-formed ids reach the handlers; the others must be refused before them.
const pathId = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_IDS), weight: 1 },
  {
    arbitrary: fc
      .string({ unit: "binary", minLength: 1, maxLength: 40 })
      .map((s) => encodeURIComponent(s))
      .filter((s) => s !== "." && s !== ".."),
    weight: 1,
  },
  {
    arbitrary: fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 30 })
      .map((s) => encodeURIComponent(s))
      .filter((s) => s !== "." && s !== ".."),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom("appt", "kit", "rep", "afwd", "cus", "order", "x"), fc.uuid())
      .map(([prefix, uuid]) => `${prefix}_${uuid.replace(/-/g, "").toUpperCase()}`),
    weight: 2,
  }
)

const scalar = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.constantFrom("", "-1", "0", "1e309", "NaN", "true", "%00", "\u0000", "2026-02-30", "[]")
)

function queryArbitrary(fields: string[]) {
  const key = fc.oneof(
    fc.constantFrom(...fields, "limit", "offset", "fields", "order", "q"),
    fc.string({ maxLength: 8 })
  )
  return fc
    .tuple(
      fc.array(fc.tuple(key, scalar), { maxLength: 4 }),
      fc.constantFrom("", "", "", "&%E0%A4%A=1", "&a[b][c][d][e]=1", "&limit=%00", "&a.b.c=1")
    )
    .map(([pairs, junk]) => {
      const search = new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString()
      const query = (search + junk).replace(/^&/, "")
      return query ? `?${query}` : ""
    })
}

type Body = { contentType: string; payload: string } | null

function bodyArbitrary(fields: string[]): fc.Arbitrary<Body> {
  const value = fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(scalar, { maxLength: 3 })
  )
  const knownObject = fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 5 })
  const json = (v: unknown) => ({
    contentType: "application/json",
    payload: JSON.stringify(v) ?? "null",
  })
  return fc.oneof(
    knownObject.map(json),
    fc.jsonValue({ maxDepth: 3 }).map(json),
    fc
      .string({ unit: "binary", maxLength: 40 })
      .map((s) => ({ contentType: "application/json", payload: `{${s}` })),
    fc
      .string({ maxLength: 40 })
      .map((s) => ({ contentType: "application/x-www-form-urlencoded", payload: s })),
    fc.string({ maxLength: 40 }).map((s) => ({ contentType: "text/plain", payload: s })),
    fc.constant(null)
  )
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let admin: { headers: Headers }
    let member: { headers: Headers }
    let escort: { headers: Headers }
    let doctor: { headers: Headers }
    let baseUrl: string
    let cms: Server
    let wechat: Awaited<ReturnType<typeof startWechatStandin>>

    beforeAll(async () => {
      cms = startEmptyCms()
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      process.env.CMS_CACHE_TTL_MS = "0"
      wechat = await startWechatStandin()
      process.env.WECHAT_API_BASE = wechat.url
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      admin = await adminHeaders(container, api as never, "fuzz-admin@health.local")
      member = await registerCustomer(api as never, publishableKey, "fuzz-member@example.com")
      escort = await signInEscort("13700000042")
      doctor = await signInDoctor("13700000043")
      baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    })

    /** An escort operations added, signed in with an SMS code: the escort app's routes run as one. */
    async function signInEscort(phone: string): Promise<{ headers: Headers }> {
      await api.post("/admin/escorts", { phone, name: "模糊测试陪诊员", city: "长沙市" }, admin)
      await api.post(
        "/store/auth/sms-codes",
        { phone, purpose: "login" },
        { headers: { "x-publishable-api-key": publishableKey } }
      )
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/escort/phone", { phone, code })
      return { headers: { authorization: `Bearer ${data.token}` } }
    }

    /** A doctor staff verified, signed in with an SMS code: the 在线诊室's routes run as one. */
    async function signInDoctor(phone: string): Promise<{ headers: Headers }> {
      const consultations = getContainer().resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      await consultations.upsertFromCms(
        [
          {
            cms_document_id: "expert-fuzz",
            name: "模糊测试医生",
            title: null,
            hospital: null,
            departments: [],
            specialties: [],
            introduction: null,
            photo_url: null,
          },
        ],
        new Date()
      )
      const [row] = await consultations.doctors({ all: true })
      await consultations.updateDoctorDetails(row.id, {
        phone: `+86${phone}`,
        license_number: "110430000000042",
        prices: { text: 3000 },
      })
      await consultations.verifyLicense(row.id, new Date())
      await api.post(
        "/store/auth/sms-codes",
        { phone, purpose: "login" },
        { headers: { "x-publishable-api-key": publishableKey } }
      )
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/doctor/phone", { phone, code })
      return { headers: { authorization: `Bearer ${data.token}` } }
    }

    afterAll(async () => {
      wechat?.process.kill()
      await new Promise((resolve) => cms?.close(resolve))
    })

    /**
     * A request exactly as given: no client re-encodes the path or the body. One that
     * gets no answer within `seconds` counts as status 0.
     */
    async function send(
      method: string,
      pathAndQuery: string,
      headers: Headers = {},
      body: Body = null,
      seconds = 30
    ): Promise<{ status: number; data: any; text: string }> {
      let response: Response
      try {
        response = await fetch(baseUrl + pathAndQuery, {
          method,
          headers: { ...headers, ...(body ? { "content-type": body.contentType } : {}) },
          body: body && method !== "GET" ? body.payload : undefined,
          signal: AbortSignal.timeout(seconds * 1000),
        })
      } catch {
        return { status: 0, data: null, text: `no answer within ${seconds} s` }
      }
      const text = await response.text()
      let data: any = null
      try {
        data = JSON.parse(text)
      } catch {
        data = null
      }
      return { status: response.status, data, text }
    }

    const storeAnonymous = () => ({ "x-publishable-api-key": publishableKey })
    const chinese4xx = (r: { status: number; data: any }) =>
      r.status >= 400 && r.status < 500 && CHINESE.test(String(r.data?.message ?? ""))

    describe("malformed requests", () => {
      const MALFORMED_IDS = ["%00", "%E0%A4%A", "abc%00def", "%zz", "%0D%0A"]
      const SAMPLE: [string, string, () => Headers][] = [
        ["GET", "/store/appointments/{id}", () => member.headers],
        ["GET", "/store/health-archive/reports/{id}", () => member.headers],
        ["POST", "/admin/affiliate/withdrawals/{id}/approve", () => admin.headers],
        ["POST", "/admin/health-archive/kits/{id}/receive", () => admin.headers],
        ["GET", "/admin/products/{id}", () => admin.headers],
        ["GET", "/admin/orders/{id}", () => admin.headers],
        ["GET", "/store/products/{id}", storeAnonymous],
        ["GET", "/store/carts/{id}", storeAnonymous],
        ["POST", "/store/carts/{id}/line-items", storeAnonymous],
      ]

      it("answers 400 in Chinese for a NUL byte or broken percent-encoding in any path id", async () => {
        const wrong: string[] = []
        for (const [method, pattern, who] of SAMPLE) {
          for (const id of MALFORMED_IDS) {
            const url = pattern.replace("{id}", id)
            const r = await send(
              method,
              url,
              who(),
              method === "POST" ? { contentType: "application/json", payload: "{}" } : null
            )
            if (r.status !== 400 || r.data?.message !== ERROR_MESSAGES.malformedPath) {
              wrong.push(`${method} ${url} → ${r.status} ${r.text.slice(0, 120)}`)
            }
          }
        }
        expect(wrong).toEqual([])
      })

      it("answers 400 in Chinese for a body that is not JSON, ours and Medusa's", async () => {
        const broken = { contentType: "application/json", payload: '{"ids": [' }
        const ours = await send("POST", "/store/inbox/read", member.headers, broken)
        const medusas = await send("POST", "/store/carts", storeAnonymous(), broken)
        for (const r of [ours, medusas]) {
          expect([r.status, r.data?.message]).toEqual([400, ERROR_MESSAGES.invalidJson])
        }
      })

      it("answers 413 in Chinese for a body over the size limit", async () => {
        const huge = {
          contentType: "application/json",
          payload: JSON.stringify({ note: "x".repeat(300_000) }),
        }
        const r = await send("POST", "/store/carts", storeAnonymous(), huge)
        expect([r.status, r.data?.message]).toEqual([413, ERROR_MESSAGES.payloadTooLarge])
      })

      it("names the field in Chinese when a body fails validation", async () => {
        const missing = await send("POST", "/admin/products", admin.headers, {
          contentType: "application/json",
          payload: JSON.stringify({ status: "nonsense" }),
        })
        expect(missing.status).toBe(400)
        expect(missing.data.message).toContain("字段 title：必填")
        const unknownField = await send("POST", "/store/inbox/read", member.headers, {
          contentType: "application/json",
          payload: JSON.stringify({ ids: ["x"], surprise: 1 }),
        })
        expect([unknownField.status, unknownField.data.message]).toEqual([
          400,
          "不支持的字段：surprise",
        ])
      })

      it("answers a NUL byte in a body or query with 400 in Chinese, not a database error", async () => {
        const body = await send("POST", "/store/carts", storeAnonymous(), {
          contentType: "application/json",
          payload: JSON.stringify({ email: "a\u0000@example.com" }),
        })
        const query = await send("GET", "/store/products?q=%00", storeAnonymous())
        for (const r of [body, query]) {
          expect([r.status, r.data?.message]).toEqual([400, ERROR_MESSAGES.malformedInput])
        }
      })

      it("answers a query key nested three levels deep with 400 in Chinese, ours and Medusa's", async () => {
        const ours = await send("GET", "/admin/affiliate/withdrawals?a.b.c=1", admin.headers)
        const medusas = await send("GET", "/store/products?a.b.c=1", storeAnonymous())
        for (const r of [ours, medusas]) {
          expect([r.status, r.data?.message]).toEqual([400, ERROR_MESSAGES.queryTooDeep])
        }
      })

      it("answers an API path no route takes with 404 in Chinese, not Express's HTML", async () => {
        const store = await send("GET", "/store/no-such-thing", storeAnonymous())
        const admin_ = await send("POST", "/admin/products/x/no-such-action", admin.headers)
        const hooks = await send("GET", "/hooks/nothing-here")
        for (const r of [store, admin_, hooks]) {
          expect([r.status, r.data?.message]).toEqual([404, ERROR_MESSAGES.unknownRoute])
        }
      })

      it("answers the index details at once with 404 in Chinese when the index module is off", async () => {
        const r = await send("GET", "/admin/index/details", admin.headers, null, 5)
        expect([r.status, r.data?.message]).toEqual([404, ERROR_MESSAGES.indexUnavailable])
      })
    })

    describe("every route the app registered, Medusa's included", () => {
      it("answers a broken path id or a broken body with a 4xx in Chinese, never a 5xx", async () => {
        const app = runningApp()
        // Workflow subscriptions are event streams: they stay open by design.
        const routes = ["/admin", "/store", "/auth"]
          .flatMap((prefix) => registeredRoutes(app, prefix))
          .filter(({ pattern }) => !pattern.endsWith("/subscribe"))
        expect(routes.length).toBeGreaterThan(300)
        const wrong: string[] = []
        for (const { method, pattern } of routes) {
          const area = pattern.split("/")[1]
          const who = area === "admin" ? admin.headers : area === "store" ? member.headers : {}
          const withIds = (id: string) => pattern.replace(/:[A-Za-z_]+/g, id)
          const attempts: [string, Body][] = []
          if (pattern.includes(":")) {
            attempts.push([withIds("%E0%A4%A"), null], [withIds("a%00b"), null])
          }
          if (method === "GET") attempts.push([`${withIds("missing_1")}?a.b.c=1`, null])
          if (method !== "GET") {
            attempts.push(
              [withIds("missing_1"), { contentType: "application/json", payload: '{"a": [' }],
              [
                withIds("missing_1"),
                {
                  contentType: "application/json",
                  payload: '{"__proto__": {"x": 1}, "zz": "\\u0000"}',
                },
              ]
            )
          }
          for (const [url, body] of attempts) {
            const r = await send(method, url, who, body)
            if (r.status >= 500 || r.status === 0 || (r.status >= 400 && !chinese4xx(r))) {
              wrong.push(
                `${method} ${url} ${body?.payload ?? ""} → ${r.status} ${r.text.slice(0, 160)}`
              )
            }
          }
        }
        expect(wrong).toEqual([])
      })
    })

    describe("registration", () => {
      const claims = (token: string) =>
        JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"))
      const shape = (claim: Record<string, any>) => ({
        ...claim,
        auth_identity_id: typeof claim.auth_identity_id,
        iat: typeof claim.iat,
        exp: typeof claim.exp,
      })

      it("answers an email that already has an account exactly as a new one, with a token that opens nothing", async () => {
        await registerCustomer(api as never, publishableKey, "taken@example.com")
        const register = (email: string, password: string, actor = "customer") =>
          send(
            "POST",
            `/auth/${actor}/emailpass/register`,
            {},
            {
              contentType: "application/json",
              payload: JSON.stringify({ email, password }),
            }
          )
        const fresh = await register("fresh@example.com", "Secret12345")
        const taken = await register("taken@example.com", "Secret12345")
        const takenOtherPassword = await register("taken@example.com", "Other12345x")
        expect([fresh.status, taken.status, takenOtherPassword.status]).toEqual([200, 200, 200])
        expect(Object.keys(taken.data)).toEqual(Object.keys(fresh.data))
        expect(shape(claims(taken.data.token))).toEqual(shape(claims(fresh.data.token)))
        expect(shape(claims(takenOtherPassword.data.token))).toEqual(
          shape(claims(fresh.data.token))
        )
        // Staff too: an admin's email is no more findable than a member's.
        const freshStaff = await register("new-staff@health.local", "Admin12345", "user")
        const takenStaff = await register("fuzz-admin@health.local", "Admin12345", "user")
        expect([freshStaff.status, takenStaff.status]).toEqual([200, 200])
        expect(shape(claims(takenStaff.data.token))).toEqual(shape(claims(freshStaff.data.token)))

        // The stand-in token cannot create or change a customer.
        const hijack = await send(
          "POST",
          "/store/customers",
          { ...storeAnonymous(), authorization: `Bearer ${taken.data.token}` },
          {
            contentType: "application/json",
            payload: JSON.stringify({ email: "taken@example.com", first_name: "冒" }),
          }
        )
        expect([hijack.status, hijack.data.message]).toEqual([
          400,
          ERROR_MESSAGES.registrationNotCompleted,
        ])
        const customers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "taken@example.com" })
        expect(customers.map((c) => c.first_name)).toEqual(["小"])
      })
    })

    describe("payments", () => {
      it("lets one member pay for two checkouts at the same moment", async () => {
        const buyer = await registerCustomer(api as never, publishableKey, "twice@example.com")
        const carts = await Promise.all([
          cartReadyForPayment(api as never, buyer, "tumor-risk-gene-test"),
          cartReadyForPayment(api as never, buyer, "tumor-risk-gene-test"),
        ])
        const sessions = await Promise.all(
          carts.map(({ paymentCollectionId }) =>
            send(
              "POST",
              `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
              buyer.headers,
              {
                contentType: "application/json",
                payload: JSON.stringify({ provider_id: "pp_system_default" }),
              }
            )
          )
        )
        expect(sessions.map((s) => [s.status, s.data?.message])).toEqual([
          [200, undefined],
          [200, undefined],
        ])
        const completed = await Promise.all(
          carts.map(({ cartId }) =>
            send("POST", `/store/carts/${cartId}/complete`, buyer.headers, {
              contentType: "application/json",
              payload: "{}",
            })
          )
        )
        expect(completed.map((c) => [c.status, c.data?.type])).toEqual([
          [200, "order"],
          [200, "order"],
        ])
      })
    })

    describe("fuzzing every custom route", () => {
      const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

      /** Row triggers on every table note each committed write, so a refused request can prove it wrote nothing. */
      async function watchWrites() {
        await pg().raw(`
          CREATE TABLE IF NOT EXISTS fuzz_write (table_name text NOT NULL);
          CREATE OR REPLACE FUNCTION fuzz_note_write() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN INSERT INTO fuzz_write VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
          DO $$ DECLARE t text; BEGIN
            FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'fuzz_write' LOOP
              EXECUTE format('DROP TRIGGER IF EXISTS fuzz_note_write ON %I', t);
              EXECUTE format('CREATE TRIGGER fuzz_note_write AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION fuzz_note_write()', t);
            END LOOP;
          END $$;
        `)
      }
      const takeWrites = async (): Promise<string[]> => {
        const { rows } = await pg().raw("DELETE FROM fuzz_write RETURNING table_name")
        return [...new Set<string>(rows.map((r: { table_name: string }) => r.table_name))].filter(
          (table) => table !== "fuzz_write"
        )
      }

      /**
       * Waits until nothing has been written for two checks in a row (at most 15 s): what
       * earlier tests or an accepted request set off (subscribers, queues) is not blamed
       * on the next request.
       */
      async function settle() {
        let quiet = 0
        for (let waited = 0; quiet < 2 && waited < 15_000; waited += 300) {
          await new Promise((resolve) => setTimeout(resolve, 300))
          quiet = (await takeWrites()).length ? 0 : quiet + 1
        }
      }

      it("never answers 5xx, answers every 4xx in Chinese, and a refused request changes nothing", async () => {
        const routes = customRoutes()
        expect(routes.length).toBeGreaterThan(50)
        const fields = knownFields()
        const query = queryArbitrary(fields)
        const body = bodyArbitrary(fields)
        const RUNS_SIGNED_IN = signedInRuns(routes.length)
        await watchWrites()
        await settle()

        const failures = new Map<string, string>()
        let requests = 0
        for (const route of routes) {
          const area = route.pattern.split("/")[1]
          const actors: [string, () => Headers, number][] = [
            ["anonymous", () => (area === "store" ? storeAnonymous() : {}), RUNS_ANONYMOUS],
          ]
          if (area === "admin") actors.push(["super admin", () => admin.headers, RUNS_SIGNED_IN])
          if (area === "store") actors.push(["member", () => member.headers, RUNS_SIGNED_IN])
          if (area === "escort") actors.push(["escort", () => escort.headers, RUNS_SIGNED_IN])
          if (area === "doctor") actors.push(["doctor", () => doctor.headers, RUNS_SIGNED_IN])
          if (area === "auth" || area === "hooks") actors[0][2] = RUNS_SIGNED_IN

          for (const [actor, headers, numRuns] of actors) {
            const cases = fc.sample(
              fc.record({
                ids: fc.array(pathId, {
                  minLength: route.params.length,
                  maxLength: route.params.length,
                }),
                query,
                body: route.method === "GET" ? fc.constant(null) : body,
              }),
              { numRuns, seed: SEED + requests }
            )
            for (const { ids, query: search, body: payload } of cases) {
              let url = route.pattern
              route.params.forEach((param, i) => (url = url.replace(`[${param}]`, ids[i])))
              const r = await send(route.method, url + search, headers(), payload)
              requests++
              const writes = (await takeWrites()).filter((t) => !LOGS_EVEN_REFUSALS.has(t))
              if (r.status < 300 && route.method !== "GET") await settle()
              const where = `${actor} ${route.method} ${route.pattern}`
              const detail = `${route.method} ${url}${search} ${payload?.payload.slice(0, 80) ?? ""} → ${r.status} ${r.text.slice(0, 160)}`
              if (r.status >= 500) failures.set(`${where} 5xx`, detail)
              else if (r.status >= 400 && !chinese4xx(r))
                failures.set(`${where} not Chinese`, detail)
              else if (r.status >= 400 && writes.length) {
                failures.set(`${where} wrote ${writes.join(",")}`, detail)
              }
            }
          }
        }
        console.info(
          `fuzzed ${routes.length} routes with ${requests} requests, ${RUNS_SIGNED_IN} signed-in cases each (FUZZ_SEED=${SEED})`
        )
        expect([...failures].map(([key, detail]) => `${key}: ${detail}`)).toEqual([])
      })
    })
  },
})
