import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../../../lib/queue/jobs"
import type QueueModuleService from "../../../modules/queue/service"

export type DependencyState = "ok" | "down"

/** A dependency that does not answer within this is down: a probe must stay cheap. */
const CHECK_TIMEOUT_MS = 2_000

type Knex = { raw(sql: string): Promise<unknown> }
/** The Redis event bus keeps its ioredis connection here; the in-memory one has none. */
type RedisEventBus = { eventBusRedisConnection_?: { status: string } }

function withinTimeout(check: () => Promise<unknown>): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<DependencyState>((resolve) => {
    timer = setTimeout(() => resolve("down"), CHECK_TIMEOUT_MS)
  })
  const run = check().then(
    () => "ok" as const,
    () => "down" as const
  )
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Postgres (`select 1`), Redis (PING over the BullMQ connection, which every mode uses) and,
 * where Medusa's event bus runs on Redis, that its connection is up.
 */
export async function checkReadiness(scope: MedusaContainer) {
  const checks: Record<string, DependencyState> = {}
  const [database, redis] = await Promise.all([
    withinTimeout(() =>
      scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw("select 1")
    ),
    withinTimeout(() => scope.resolve<QueueModuleService>(QUEUE_MODULE).ping()),
  ])
  checks.database = database
  checks.redis = redis
  const eventBus = scope.resolve<RedisEventBus>(Modules.EVENT_BUS)
  if (eventBus.eventBusRedisConnection_) {
    checks.event_bus = eventBus.eventBusRedisConnection_.status === "ready" ? "ok" : "down"
  }
  return { ready: Object.values(checks).every((state) => state === "ok"), checks }
}
