// Boots `npm run start:cluster`'s cluster (scripts/lib/cluster.mjs, an ES module jest cannot
// import) as a child process with ports, databases and Redis prefixes of its own, and reads
// what it started from the `CLUSTER_READY <json>` line it prints once every server answers.
import path from "node:path"
import {
  REPO_ROOT,
  startNodeProcess,
  stopProcesses,
  type ProductionProcess,
} from "./production-services"

export interface ClusterInfo {
  urls: {
    commerce: string
    cms: string
    web: string
    miniprogramH5: string
    commerceServers: string[]
    commerceWorker: string
    webServers: string[]
  }
  ports: Record<string, number | number[]>
  publishableKey: string
  redisUrl: string
  redisPrefixes: { medusa: string; queue: string; nextCache: string }
  databaseUrls: { commerce: string; cms: string }
  s3: Record<string, string>
  wechatpaySandboxUrl: string
  wechatpaySandboxDir: string
  logDir: string
  timings: Record<string, number>
  pids: {
    nginx: number
    commerceServers: number[]
    commerceWorker: number
    webServers: number[]
    cms: number
  }
}

export interface BootedCluster {
  info: ClusterInfo
  process: ProductionProcess
  stop(): Promise<void>
}

/** Starts the cluster and resolves once it printed CLUSTER_READY (or rejects with its output). */
export async function bootClusterProcess(
  options: Record<string, unknown>,
  { timeoutMs = 1_200_000, logDir }: { timeoutMs?: number; logDir: string }
): Promise<BootedCluster> {
  const env: Record<string, string | undefined> = {
    CLUSTER_OPTIONS: JSON.stringify(options),
    QUIET: "1",
    NO_COLOR: "1",
    // The machine's PostgreSQL and Redis, when npm test found them somewhere else.
    DATABASE_URL: process.env.POSTGRES_SERVER_URL
      ? `${process.env.POSTGRES_SERVER_URL}/postgres`
      : undefined,
    REDIS_URL: process.env.REDIS_URL,
    PROD_BUILD_DIR: process.env.PROD_BUILD_DIR,
  }
  const running = startNodeProcess(
    "cluster",
    path.join(REPO_ROOT, "scripts", "start-cluster.mjs"),
    [],
    env,
    { logDir }
  )
  const info = await new Promise<ClusterInfo>((resolve, reject) => {
    let buffer = ""
    const timer = setTimeout(
      () => reject(new Error(`cluster not ready in ${timeoutMs / 1000} s:\n${running.output()}`)),
      timeoutMs
    )
    running.child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString()
      const line = buffer.split("\n").find((text) => text.startsWith("CLUSTER_READY "))
      if (!line) return
      clearTimeout(timer)
      resolve(JSON.parse(line.slice("CLUSTER_READY ".length)))
    })
    void running.exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`cluster exited with ${code} before it was ready:\n${running.output()}`))
    })
  })
  return { info, process: running, stop: () => stopProcesses([running]) }
}
