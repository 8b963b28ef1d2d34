// Runs the production build's own start scripts (scripts/prod/start-*.mjs in the copy that
// scripts/prod/build-all.mjs made) as the images would, for the production, cluster and
// restore tests: each process in its own group with its own log, stopped with SIGTERM.
import { spawn, type ChildProcess } from "node:child_process"
import { createWriteStream, mkdirSync } from "node:fs"
import path from "node:path"

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..")

/** The clean copy holding the production build (build-all.mjs's default, or PROD_BUILD_DIR). */
export const PRODUCTION_COPY = path.resolve(
  process.env.PROD_BUILD_DIR || path.join(REPO_ROOT, ".data", "prod-build")
)

export const PRODUCTION_LOG_DIR = path.join(REPO_ROOT, ".data", "logs", "production")

export type ProductionScript = "start-commerce" | "start-cms" | "start-web" | "start-h5"

export interface ProductionProcess {
  name: string
  child: ChildProcess
  logFile: string
  /** The last lines it printed (stdout and stderr), for failure messages. */
  output(): string
  /** Resolves with the exit code (128 + signal when killed) once it has exited. */
  exited: Promise<number>
  isRunning(): boolean
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGTERM: 15, SIGINT: 2, SIGKILL: 9 }

/**
 * What a container starts with: no settings leak in from the test runner's environment
 * (its DATABASE_URL, NODE_ENV=test …), only a PATH and what the caller gives.
 */
function containerEnvironment(env: Record<string, string | undefined>) {
  const base: Record<string, string> = {
    PATH: process.env.PATH || "/usr/local/bin:/usr/bin:/bin",
    HOME: process.env.HOME || "/tmp",
    LANG: "C.UTF-8",
  }
  return Object.fromEntries(
    Object.entries({ ...base, ...env }).filter(([, value]) => value !== undefined)
  ) as Record<string, string>
}

/** Phases print how long they took, so a slow boot shows where the time went. */
export async function phase<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now()
  try {
    return await work()
  } finally {
    process.stdout.write(`[production] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  }
}

/** Spawns a node script with its output into .data/logs/production/<name>.log. */
export function startNodeProcess(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  { cwd = REPO_ROOT, logDir = PRODUCTION_LOG_DIR }: { cwd?: string; logDir?: string } = {}
): ProductionProcess {
  mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, `${name}.log`)
  const log = createWriteStream(logFile, { flags: "w" })
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: containerEnvironment(env),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  let tail = ""
  const collect = (chunk: Buffer) => {
    log.write(chunk)
    tail = (tail + chunk.toString()).slice(-8000)
  }
  child.stdout!.on("data", collect)
  child.stderr!.on("data", collect)
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => {
      log.end()
      resolve(code ?? 128 + (SIGNAL_NUMBERS[signal ?? ""] ?? 1))
    })
    child.on("error", (error) => {
      collect(Buffer.from(String(error)))
      resolve(127)
    })
  })
  return {
    name,
    child,
    logFile,
    output: () => tail,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
  }
}

/** Starts one of the copy's start scripts, e.g. `start-commerce server`, with `env` only. */
export function startProductionService(
  name: string,
  script: ProductionScript,
  args: string[],
  env: Record<string, string | undefined>,
  options: { copy?: string; logDir?: string } = {}
): ProductionProcess {
  const copy = options.copy ?? PRODUCTION_COPY
  return startNodeProcess(name, path.join(copy, "scripts", "prod", `${script}.mjs`), args, env, {
    cwd: copy,
    logDir: options.logDir,
  })
}

/** Runs a start script that ends by itself (`start-commerce migrate`); answers code and output. */
export async function runProductionStep(
  name: string,
  script: ProductionScript,
  args: string[],
  env: Record<string, string | undefined>,
  options: { copy?: string; logDir?: string; timeoutMs?: number } = {}
): Promise<{ code: number; output: string }> {
  const running = startProductionService(name, script, args, env, options)
  const timeoutMs = options.timeoutMs ?? 600_000
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void stopProcesses([running])
      reject(new Error(`${name} did not finish within ${timeoutMs / 1000} s:\n${running.output()}`))
    }, timeoutMs)
  })
  try {
    const code = await Promise.race([running.exited, timedOut])
    return { code, output: running.output() }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Polls `url` until `accept(status)`; fails at once, with the process's last output, when the
 * process has exited, and after `timeoutMs` otherwise.
 */
export async function waitUntilAnswering(
  service: ProductionProcess,
  url: string,
  {
    accept = (status: number) => status >= 200 && status < 300,
    timeoutMs = 240_000,
  }: { accept?: (status: number) => boolean; timeoutMs?: number } = {}
) {
  const deadline = Date.now() + timeoutMs
  let last = ""
  while (Date.now() < deadline) {
    if (!service.isRunning()) {
      throw new Error(`${service.name} exited before ${url} answered:\n${service.output()}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: "manual" })
      if (accept(response.status)) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = String((error as { cause?: { code?: string } }).cause?.code ?? error)
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(
    `${service.name}: ${url} did not answer within ${timeoutMs / 1000} s (${last}):\n${service.output()}`
  )
}

/** SIGTERM to each process group, SIGKILL to whatever is still running 10 s later. */
export async function stopProcesses(processes: (ProductionProcess | undefined)[]) {
  await Promise.all(
    processes.map(async (service) => {
      if (!service || !service.isRunning() || !service.child.pid) return
      const group = -service.child.pid
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(group, signal)
        } catch {
          // already gone
        }
      }
      kill("SIGTERM")
      const timer = setTimeout(() => kill("SIGKILL"), 10_000)
      await service.exited
      clearTimeout(timer)
      // Children of the start script (medusa, next, strapi) may outlive it by a moment.
      kill("SIGKILL")
    })
  )
}

/**
 * Makes sure the production build exists and is current: build-all.mjs --reuse copies the
 * repository again and rebuilds only the apps whose sources changed (`npm test` runs it before).
 * PROD_BUILD_AS_IS=1 takes the copy's build as it is.
 */
export async function ensureProductionBuild({ timeoutMs = 3_600_000 } = {}) {
  // Re-running the tests against one build while the working tree moves on.
  if (process.env.PROD_BUILD_AS_IS === "1") return PRODUCTION_COPY
  const build = startNodeProcess(
    "build-all",
    path.join(REPO_ROOT, "scripts", "prod", "build-all.mjs"),
    ["--reuse"],
    { ...process.env, PROD_BUILD_DIR: PRODUCTION_COPY }
  )
  const timer = setTimeout(() => void stopProcesses([build]), timeoutMs)
  const code = await build.exited
  clearTimeout(timer)
  if (code !== 0)
    throw new Error(`scripts/prod/build-all.mjs --reuse failed (${code}):\n${build.output()}`)
  return PRODUCTION_COPY
}

/**
 * Starts a helper module from the repository (the S3 stand-in, the SMTP catcher) as a child
 * process, since the tests cannot import ES modules; resolves once it printed `ready`'s line.
 */
export async function startHelperProcess(
  name: string,
  script: string,
  args: string[],
  ready: RegExp,
  { timeoutMs = 60_000, env = {} }: { timeoutMs?: number; env?: Record<string, string> } = {}
): Promise<{ process: ProductionProcess; match: RegExpMatchArray }> {
  const helper = startNodeProcess(name, script, args, { ...process.env, ...env })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = helper.output().match(ready)
    if (match) return { process: helper, match }
    if (!helper.isRunning()) throw new Error(`${name} exited:\n${helper.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stopProcesses([helper])
  throw new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${helper.output()}`)
}

/** The S3 stand-in (scripts/lib/s3-standin.mjs) on `port` with `buckets`, objects in `directory`. */
export async function startS3Standin(port: number, directory: string, buckets: string[]) {
  const { process: standin, match } = await startHelperProcess(
    "s3-standin",
    path.join(REPO_ROOT, "scripts", "lib", "s3-standin.mjs"),
    [String(port), directory, ...buckets],
    /listening (\S+)/
  )
  // s3rver's one account (the stand-in refuses any other key).
  return { process: standin, endpoint: match[1], accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }
}

/** The e2e SMTP catcher (e2e/support/smtp-catcher.mjs) writing each mail as JSON into `mailDir`. */
export async function startSmtpCatcher(mailDir: string) {
  const catcher = path.join(REPO_ROOT, "e2e", "support", "smtp-catcher.mjs")
  const program =
    `const { startSmtpCatcher } = await import(${JSON.stringify(catcher)});` +
    `const smtp = await startSmtpCatcher(${JSON.stringify(mailDir)});` +
    `console.log("smtp listening " + smtp.port);` +
    `process.once("SIGTERM", () => smtp.close().then(() => process.exit(0)));`
  const { process: smtp, match } = await startHelperProcess(
    "smtp-catcher",
    "--input-type=module",
    ["-e", program],
    /smtp listening (\d+)/
  )
  return { process: smtp, port: Number(match[1]) }
}
