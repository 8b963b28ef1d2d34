const request = require("supertest")
const { Client } = require("pg")
const { startCms } = require("./strapi-harness")

const serverUrl = process.env.POSTGRES_SERVER_URL || "postgres://postgres@127.0.0.1:5432"

async function onServer(sql) {
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

describe("health probes: Strapi's liveness and our database readiness, both public", () => {
  let cms
  let http
  let database

  beforeAll(async () => {
    cms = await startCms()
    database = new URL(process.env.CMS_DATABASE_URL).pathname.slice(1)
    http = request(cms.strapi.server.httpServer)
  })

  afterAll(async () => {
    await onServer(`alter database "${database}" allow_connections true`)
    await cms?.stop()
  })

  it("answers liveness at /_health without credentials", async () => {
    await http.get("/_health").expect(204)
  })

  it("is ready while the database answers", async () => {
    const res = await http.get("/api/health/ready").expect(200)
    expect(res.body).toEqual({ status: "ok", checks: { database: "ok" } })
    expect(res.headers["cache-control"]).toBe("no-store")
  })

  it("answers 503 naming the database while it refuses connections, without details", async () => {
    // A real outage: no new connection is accepted and the open ones are cut.
    await onServer(`alter database "${database}" allow_connections false`)
    await onServer(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}'`
    )
    try {
      const res = await http.get("/api/health/ready").expect(503)
      expect(res.body).toEqual({ status: "unavailable", checks: { database: "down" } })
      expect(JSON.stringify(res.body)).not.toMatch(/postgres|5432|127\.0\.0\.1/)
      await http.get("/_health").expect(204)
    } finally {
      await onServer(`alter database "${database}" allow_connections true`)
    }
    await http.get("/api/health/ready").expect(200)
  })
})
