// Two of everything (issue #17 item 4): `npm run start:cluster`'s cluster, booted with ports,
// databases and Redis prefixes of its own, proves that the servers share what they must
// (carts, payments, files, the Next cache, the job queues) and that nginx routes around a
// server that stops.
import { createServer, type Server } from "node:http"
import { randomUUID } from "node:crypto"
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import path from "node:path"
import { bootClusterProcess, type BootedCluster } from "./support/cluster-boot"
import {
  adminToken,
  cartReadyForPayment,
  pollUntil,
  registerMember,
  storeCaller,
  type StoreCaller,
} from "./support/cluster-shop"
import { queryDatabase } from "./support/production-environment"
import { ensureProductionBuild, REPO_ROOT } from "./support/production-services"

const requireFromRoot = (name: string) => require(require.resolve(name, { paths: [REPO_ROOT] }))

// Below Linux's ephemeral range (32768 and up), where outgoing connections would take them.
const PORTS = {
  commerce: 27000,
  cms: 27337,
  web: 27800,
  miniprogramH5: 27086,
  commerceInternal: 27010,
  commerceServers: [27001, 27002],
  commerceWorker: 27003,
  cmsServer: 27338,
  webServers: [27801, 27802],
  miniprogramH5Server: 27087,
  s3: 27569,
  wechatpaySandbox: 27400,
  wechatStandin: 27401,
  alipaySandbox: 27410,
  unionpaySandbox: 27500,
}
const NOTIFY_CAPTURE_PORT = 27499
const DATA_DIR = path.join(REPO_ROOT, ".data", "cluster-test")
const PRODUCT = "nutrition-metabolism-gene-test"
const ADMIN = { email: "admin@health.local", password: "Admin12345" }

const startedAt = Date.now()
const clusterPrefix = `cluster-test-${randomUUID().slice(0, 6)}`
const timings: Record<string, number> = {}
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now()
  try {
    return await work()
  } finally {
    timings[label] = (Date.now() - started) / 1000
    process.stdout.write(`[cluster] ${label}: ${timings[label].toFixed(1)} s\n`)
  }
}

/** WeChat Pay's callbacks, as the sandbox sends them: kept so the test can deliver them itself. */
type Callback = { body: string; headers: Record<string, string> }

let cluster: BootedCluster
let call: StoreCaller
let capture: Server
const callbacks: Callback[] = []

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true })
  capture = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)])
      )
      callbacks.push({ body, headers })
      // Delivered as far as the sandbox is concerned: it stops retrying.
      res.writeHead(204)
      res.end()
    })
  })
  await new Promise<void>((resolve) => capture.listen(NOTIFY_CAPTURE_PORT, "127.0.0.1", resolve))

  // The production build (build-all --reuse, as the smoke test), or one made elsewhere.
  const root = await timed("production build", async () =>
    process.env.CLUSTER_BUILD_ROOT
      ? path.resolve(process.env.CLUSTER_BUILD_ROOT)
      : ensureProductionBuild()
  )
  cluster = await timed("boot (services, migrate, servers)", () =>
    bootClusterProcess(
      {
        root,
        ports: PORTS,
        databases: { commerce: "health_commerce_cluster", cms: "health_cms_cluster" },
        prefix: clusterPrefix,
        freshDatabases: true,
        dataDir: DATA_DIR,
        seedDemo: true,
        wechatpayNotifyUrl: `http://127.0.0.1:${NOTIFY_CAPTURE_PORT}/`,
        echo: false,
      },
      { logDir: path.join(DATA_DIR, "logs") }
    )
  )
  process.stdout.write(`[cluster] boot phases: ${JSON.stringify(cluster.info.timings)}\n`)
  call = storeCaller(cluster.info.publishableKey)
}, 1_500_000)

afterAll(async () => {
  await cluster?.stop()
  // This run's Redis keys: Medusa's, the queues' and the web cache's, all under its prefix.
  if (cluster) {
    const Redis = requireFromRoot("ioredis")
    const redis = new Redis(cluster.info.redisUrl)
    const stale: string[] = await redis.keys(`${clusterPrefix}-*`)
    for (let i = 0; i < stale.length; i += 500) await redis.del(...stale.slice(i, i + 500))
    redis.disconnect()
  }
  // The cluster's servers run in process groups of their own; none may outlive the test.
  const pids = cluster?.info.pids
  for (const pid of pids
    ? [pids.nginx, pids.cms, pids.commerceWorker, ...pids.commerceServers, ...pids.webServers]
    : []) {
    try {
      process.kill(-pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
  await new Promise((resolve) => capture?.close(resolve))
  process.stdout.write(`[cluster] phase timings: ${JSON.stringify(timings)}\n`)
}, 60_000)

describe("the cluster: two commerce servers, a worker, two web servers behind nginx", () => {
  it("completes through server 2 a cart created through server 1", async () => {
    const [first, second] = cluster.info.urls.commerceServers
    await timed("cart across servers", async () => {
      const token = await registerMember(call, first, `cluster-${randomUUID()}@example.com`)
      const { cartId, paymentCollectionId } = await cartReadyForPayment(call, first, token, PRODUCT)
      await call(second, `/store/payment-collections/${paymentCollectionId}/payment-sessions`, {
        body: { provider_id: "pp_system_default" },
        token,
      })
      const placed = await call(second, `/store/carts/${cartId}/complete`, { body: {}, token })
      expect(placed.type).toBe("order")
      expect(placed.order.id).toMatch(/^order_/)
      const orders = await queryDatabase(
        cluster.info.databaseUrls.commerce,
        "select order_id from order_cart where cart_id = $1 and deleted_at is null",
        [cartId]
      )
      expect(orders).toHaveLength(1)
    })
  })

  it("completes the order exactly once when one WeChat Pay callback reaches both servers", async () => {
    const [first, second] = cluster.info.urls.commerceServers
    await timed("wechat callback to both servers", async () => {
      const token = await registerMember(
        call,
        cluster.info.urls.commerce,
        `wx-${randomUUID()}@example.com`
      )
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        call,
        cluster.info.urls.commerce,
        token,
        PRODUCT
      )
      const { payment_collection } = await call(
        cluster.info.urls.commerce,
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { body: { provider_id: "pp_wechatpay_wechatpay", data: { channel: "native" } }, token }
      )
      const session = payment_collection.payment_sessions[0]
      const tradeNo = session.data.out_trade_no as string
      // The buyer pays in the sandbox; its signed callback comes to the capture server.
      const paid = await fetch(`${cluster.info.wechatpaySandboxUrl}/sandbox/pay/${tradeNo}`, {
        method: "POST",
      })
      expect(paid.status).toBe(200)
      const captured = await pollUntil(
        async () => callbacks.find((callback) => callback.body.length > 0),
        (found) => !!found,
        { timeoutMs: 10_000 }
      )
      expect(captured.ok).toBe(true)
      const { body, headers } = captured.value!
      const deliver = (base: string) =>
        fetch(`${base}/hooks/payment/wechatpay_wechatpay`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "wechatpay-timestamp": headers["wechatpay-timestamp"],
            "wechatpay-nonce": headers["wechatpay-nonce"],
            "wechatpay-serial": headers["wechatpay-serial"],
            "wechatpay-signature": headers["wechatpay-signature"],
            "wechatpay-signature-type": headers["wechatpay-signature-type"],
          },
          body,
        })
      const answers = await Promise.all([deliver(first), deliver(second)])
      // WeChat reads only the status: both answer success, so neither is sent again.
      for (const answer of answers) expect(answer.status).toBeLessThan(300)

      const orders = await pollUntil(
        () =>
          queryDatabase(
            cluster.info.databaseUrls.commerce,
            "select order_id from order_cart where cart_id = $1 and deleted_at is null",
            [cartId]
          ),
        (rows) => rows.length > 0,
        { timeoutMs: 20_000, intervalMs: 250 }
      )
      expect(orders.value).toHaveLength(1)
      // Late work from the second delivery has had its chance to make a second order.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      const after = await queryDatabase(
        cluster.info.databaseUrls.commerce,
        "select order_id from order_cart where cart_id = $1 and deleted_at is null",
        [cartId]
      )
      expect(after).toHaveLength(1)
      const payments = await queryDatabase(
        cluster.info.databaseUrls.commerce,
        "select id, captured_at from payment where payment_session_id = $1 and deleted_at is null",
        [session.id]
      )
      expect(payments).toHaveLength(1)
      const captures = await queryDatabase(
        cluster.info.databaseUrls.commerce,
        "select id from capture where payment_id = $1 and deleted_at is null",
        [payments[0].id]
      )
      expect(captures).toHaveLength(1)
    })
  })

  it("opens through server 2 a file a member uploaded through server 1 (object storage, not disk)", async () => {
    const [first, second] = cluster.info.urls.commerceServers
    await timed("upload across servers", async () => {
      const token = await registerMember(call, first, `file-${randomUUID()}@example.com`)
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("出院小结")])
      const form = new FormData()
      form.append("files", new Blob([jpeg], { type: "image/jpeg" }), "出院小结.jpg")
      const uploaded = await fetch(`${first}/store/health-archive/uploads`, {
        method: "POST",
        headers: {
          "x-publishable-api-key": cluster.info.publishableKey,
          authorization: `Bearer ${token}`,
        },
        body: form,
      })
      expect(uploaded.status).toBe(201)
      const uploadId = (await uploaded.json()).uploads[0].id
      const opened = await fetch(`${second}/store/health-archive/uploads/${uploadId}/file`, {
        headers: {
          "x-publishable-api-key": cluster.info.publishableKey,
          authorization: `Bearer ${token}`,
        },
      })
      expect(opened.status).toBe(200)
      expect(Buffer.from(await opened.arrayBuffer()).equals(jpeg)).toBe(true)
      // Each server has a disk of its own; nothing of the member's landed on server 1's.
      const ownDisk = path.join(DATA_DIR, "commerce-1", "private-uploads")
      expect(filesUnder(ownDisk)).toEqual([])
      // In the bucket, under commerce/, and not readable there (encrypted before it left).
      const stored = filesUnder(path.join(DATA_DIR, "s3", "health")).filter((file) =>
        file.includes(`${path.sep}commerce${path.sep}`)
      )
      expect(stored.length).toBeGreaterThan(0)
      for (const file of stored) expect(readFileSync(file).includes("出院小结")).toBe(false)
    })
  })

  it("shows an admin price change on both web servers within 2 seconds", async () => {
    const [web1, web2] = cluster.info.urls.webServers
    await timed("price change on both webs", async () => {
      const token = await adminToken(cluster.info.urls.commerce, ADMIN.email, ADMIN.password)
      const admin = (pathname: string, body?: unknown) =>
        fetch(`${cluster.info.urls.commerce}${pathname}`, {
          method: body === undefined ? "GET" : "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then(async (response) => {
          const text = await response.text()
          if (!response.ok) throw new Error(`${pathname} → ${response.status}: ${text}`)
          return JSON.parse(text)
        })
      const { products } = await admin(
        `/admin/products?handle=${PRODUCT}&fields=*variants,*variants.prices`
      )
      const product = products[0]
      const variant = product.variants[0]
      const oldAmount = Number(variant.prices.find((p: any) => p.currency_code === "cny").amount)
      const newAmount = oldAmount + 111
      const priceOn = async (web: string) => {
        const html = await (await fetch(`${web}/products/${PRODUCT}`)).text()
        const amounts = [...html.matchAll(/calculated_amount\\*"\s*:\s*(\d+(?:\.\d+)?)/g)].map(
          (match) => Number(match[1])
        )
        return amounts
      }
      // Both servers render from the shared cache, fresh (the catalog's own lifetime is 10 s,
      // so only the revalidation can change what they show within 2 s).
      for (const web of [web1, web2]) expect(await priceOn(web)).toContain(oldAmount)

      await admin(`/admin/products/${product.id}/variants/${variant.id}`, {
        prices: [{ currency_code: "cny", amount: newAmount }],
      })
      const changedAt = Date.now()
      const seen = await Promise.all(
        [web1, web2].map((web) =>
          pollUntil(
            () => priceOn(web),
            (amounts) => amounts.includes(newAmount) && !amounts.includes(oldAmount),
            { timeoutMs: 2000, intervalMs: 100 }
          )
        )
      )
      process.stdout.write(
        `[cluster] new price on web 1 after ${seen[0].ms} ms, on web 2 after ${seen[1].ms} ms (${Date.now() - changedAt} ms in all)\n`
      )
      expect(seen.map((result) => result.ok)).toEqual([true, true])
    })
  })

  it("runs the scheduled sweep and each queued job once with two servers and a worker up", async () => {
    await timed("jobs exactly once", async () => {
      const Redis = requireFromRoot("ioredis")
      const redis = new Redis(cluster.info.redisUrl)
      try {
        const prefix = cluster.info.redisPrefixes.queue
        const completed = async (queue: string) => {
          const ids: string[] = await redis.zrange(`${prefix}:${queue}:completed`, 0, -1)
          return Promise.all(
            ids.map(async (id) => ({ id, ...(await redis.hgetall(`${prefix}:${queue}:${id}`)) }))
          )
        }
        // The sweep (a BullMQ job scheduler, every minute) ran, and no more often than once a
        // minute since boot: a scheduler per process would multiply it.
        const sweeps = await pollUntil(
          async () =>
            (await completed("payments")).filter((job) => job.name === "reconcile-wechat-sessions"),
          (jobs) => jobs.length > 0,
          { timeoutMs: 15_000, intervalMs: 500 }
        )
        expect(sweeps.ok).toBe(true)
        const bootMinutes = (Date.now() - startedAt) / 60_000
        expect(sweeps.value.length).toBeLessThanOrEqual(Math.ceil(bootMinutes) + 1)

        // Every job any queue finished was started only for its own attempts (a retry after a
        // failure is one; a second process taking a running job over is not: BullMQ counts that
        // as started but not made, and as stalled).
        const queues = ["storefront", "payments", "health-archive", "appointments", "search", "cms"]
        const finished = (await Promise.all(queues.map(completed))).flat()
        expect(finished.length).toBeGreaterThan(0)
        const twice = finished.filter(
          (job: any) => Number(job.ats) !== Number(job.atm) || Number(job.stc ?? 0) > 0
        )
        expect(twice).toEqual([])

        // Every storefront revalidation job reached the web exactly once: one answered POST
        // /api/revalidate in nginx's log for each completed job. A job is marked completed a
        // moment after its POST returned, so compare once the two settle.
        const revalidatePosts = () =>
          readFileSync(path.join(DATA_DIR, "nginx", "logs", "access.log"), "utf8")
            .split("\n")
            .filter((line) => line.includes('"POST /api/revalidate" 200 '))
        const settled = await pollUntil(
          async () => ({
            jobs: (await completed("storefront")).length,
            posts: revalidatePosts().length,
          }),
          ({ jobs, posts }) => jobs > 0 && jobs === posts,
          { timeoutMs: 10_000, intervalMs: 250 }
        )
        expect(settled.value.jobs).toBeGreaterThan(0)
        expect(settled.value.posts).toBe(settled.value.jobs)
      } finally {
        redis.disconnect()
      }
    })
  })

  it("loses no accepted request while server 1 stops under load: nginx routes around it", async () => {
    const proxy = cluster.info.urls.commerce
    await timed("server 1 stops under load", async () => {
      const results: { status: number | "error"; at: number }[] = []
      let stopAt = 0
      let running = true
      const loop = async () => {
        while (running) {
          const at = Date.now()
          try {
            const response = await fetch(`${proxy}/store/products?limit=1`, {
              headers: { "x-publishable-api-key": cluster.info.publishableKey },
              signal: AbortSignal.timeout(15_000),
            })
            await response.arrayBuffer()
            results.push({ status: response.status, at })
          } catch {
            results.push({ status: "error", at })
          }
        }
      }
      const loops = Array.from({ length: 6 }, loop)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      stopAt = Date.now()
      // As `docker stop` would: SIGTERM to the start script, which passes it to Medusa.
      process.kill(cluster.info.pids.commerceServers[0], "SIGTERM")
      const stopped = await pollUntil(
        async () => {
          try {
            await fetch(`${cluster.info.urls.commerceServers[0]}/health`, {
              signal: AbortSignal.timeout(1000),
            })
            return false
          } catch {
            return true
          }
        },
        (gone) => gone,
        { timeoutMs: 20_000, intervalMs: 200 }
      )
      expect(stopped.ok).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 3000))
      running = false
      await Promise.all(loops)

      const failed = results.filter((result) => result.status !== 200)
      process.stdout.write(
        `[cluster] ${results.length} requests through nginx, ${failed.length} failed, server 1 stopped ${stopAt - results[0].at} ms in\n`
      )
      // Only requests already in flight when the stop came may fail (one per loop at most);
      // with a graceful stop and nginx's retry none do.
      expect(failed.length).toBeLessThanOrEqual(loops.length)
      const afterStop = results.filter((result) => result.at > stopAt + 1000)
      expect(afterStop.length).toBeGreaterThan(10)
      expect(afterStop.every((result) => result.status === 200)).toBe(true)
      // The one server left answers directly too.
      const health = await fetch(`${cluster.info.urls.commerceServers[1]}/health`)
      expect(health.status).toBe(200)
    })
  })
})

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}
