import type { Core } from "@strapi/strapi"

/** A database that does not answer within this is down: a probe must stay cheap. */
const CHECK_TIMEOUT_MS = 2_000

async function databaseState(strapi: Core.Strapi): Promise<"ok" | "down"> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<"down">((resolve) => {
    timer = setTimeout(() => resolve("down"), CHECK_TIMEOUT_MS)
  })
  const query = strapi.db.connection.raw("select 1").then(
    () => "ok" as const,
    () => "down" as const
  )
  return Promise.race([query, timeout]).finally(() => clearTimeout(timer))
}

/** 200 when the database answers, else 503 naming it (never why: no hosts or credentials). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ready(ctx) {
    const database = await databaseState(strapi)
    ctx.set("cache-control", "no-store")
    ctx.status = database === "ok" ? 200 : 503
    ctx.body = { status: database === "ok" ? "ok" : "unavailable", checks: { database } }
  },
})
