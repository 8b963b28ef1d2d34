// `npm test`: static checks, every workspace's tests against real services, and the
// e2e journeys in Chromium; ends with a table of stage timings and one line "N passed, N failed".
// A stage that runs no test, and any skipped or todo test other than the named ones in
// lib/jest-report.mjs's ALLOWED_SKIPS, fails the run.
// After the setup two lanes share the cores: the commerce HTTP spec files (two at a time, each in
// a jest process of its own) in one; the static checks, the other suites, the production build
// (a clean copy built by the images' own scripts) and the e2e journeys on that build in the
// other, which then takes HTTP files too. The production smoke and restore drill join that
// shared queue once the journeys are done (lib/work-queue.mjs); the cluster test runs last and
// alone. Each stage logs to .data/logs/test/<stage>.log; its row in the timing table is its own
// wall time.
import { ensureDependencies } from "./lib/install.mjs"

ensureDependencies()

const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import(
  "node:fs"
)
const path = await import("node:path")
const { availableParallelism } = await import("node:os")
const { spawn } = await import("node:child_process")
const { at, DATA_DIR } = await import("./lib/paths.mjs")
const { bold, green, red, step, yellow } = await import("./lib/log.mjs")
const { ensurePostgres, ensureRedis } = await import("./lib/services.mjs")
const { startTestPostgres } = await import("./lib/test-postgres.mjs")
const { workspaces, packageJson } = await import("./lib/workspaces.mjs")
const { onShutdown, stopAllOnExit } = await import("./lib/processes.mjs")
const { buildPlugins } = await import("./lib/plugins.mjs")
const { buildIfChanged } = await import("./lib/build-stamp.mjs")
const { readJestReport } = await import("./lib/jest-report.mjs")
const { createWorkQueue } = await import("./lib/work-queue.mjs")
const { specWeight } = await import("./lib/spec-weights.mjs")
const { httpSpecJobs } = await import("./lib/http-spec-groups.mjs")
const { machineCpu, machineLine } = await import("./lib/machine-cpu.mjs")
/** Roughly what a spec file's own boot of the app costs it on this machine, in seconds. */
const BOOT_SECONDS = 25

const started = Date.now()
const machineAtStart = machineCpu()
/** npm test's own PostgreSQL cluster (lib/test-postgres.mjs), when it started one. */
let testPostgres = null
const shutdown = stopAllOnExit()
const logDir = path.join(DATA_DIR, "logs", "test")
rmSync(logDir, { recursive: true, force: true })
mkdirSync(logDir, { recursive: true })

const tally = { passed: 0, failed: 0 }
const failures = []
/** Each failed test by file and name (lib/jest-report.mjs), for the summary's last lines. */
const failedTests = []
/** What did not run, and why: allowed skips, reused builds. Named in the summary. */
const notRun = []
const timings = []
/** The two lanes' times and their wall time together, for the overlap line of the table. */
let overlap = null

/** Starts a stage's clock; calling the result gives its seconds so far. */
function timer() {
  const start = Date.now()
  return () => Math.round((Date.now() - start) / 1000)
}

/** A row of the timing table for work that is no test (services, builds). */
function recordTime(name, seconds, cpu) {
  timings.push({ name, seconds, cpu })
}

/** `cpu`: the stage's processes' user + system seconds, when GNU time measured them. */
function record(name, { passed, failed }, output, seconds, cpu) {
  timings.push({ name, seconds, cpu })
  tally.passed += passed
  tally.failed += failed
  const mark = failed ? red("✖") : green("✔")
  console.log(
    `${mark} ${name}: ${passed} passed, ${failed} failed (${seconds} s${cpu === undefined ? "" : `, CPU ${cpu} s`})`
  )
  if (failed) {
    failures.push(name)
    console.log(output.split("\n").slice(-120).join("\n"))
  }
}

/** A stage that ran nothing on purpose (a reused build): neither passed nor failed. */
function recordNotRun(name, why, seconds) {
  timings.push({ name, seconds })
  notRun.push(`${name}: ${why}`)
  console.log(`${yellow("↻")} ${name}: ${why} (${seconds} s)`)
}

// GNU time, when installed, measures each command's CPU (user + system, its waited-for children
// included): on a shared machine wall time says little about what a stage costs.
const GNU_TIME = "/usr/bin/time"
const measuresCpu = existsSync(GNU_TIME)
let cpuFiles = 0

/** Runs a command; resolves with its exit code, output and CPU seconds (undefined unmeasured). */
function exec(command, args, { cwd = at(), env = {}, logName } = {}) {
  const cpuFile = measuresCpu ? path.join(logDir, `.cpu-${++cpuFiles}`) : null
  if (cpuFile) {
    args = ["-q", "-f", "%U %S", "-o", cpuFile, command, ...args]
    command = GNU_TIME
  }
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    // "close", not "exit": the output may still be arriving when the process exits.
    child.on("close", (code) => {
      if (logName) writeFileSync(path.join(logDir, `${logName}.log`), output)
      resolve({ code, output, cpu: cpuFile ? readCpu(cpuFile) : undefined })
    })
  })
}

function readCpu(file) {
  try {
    const [user, system] = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .pop()
      .split(" ")
      .map(Number)
    rmSync(file)
    return Number.isFinite(user + system) ? Math.round(user + system) : undefined
  } catch {
    return undefined
  }
}

/** Runs jest once with a JSON report; returns its counts and output without recording them. */
async function runJest(name, cwd, args, env = {}) {
  const seconds = timer()
  const logName = name.replace(/[^\w-]+/g, "_")
  const report = path.join(logDir, `${logName}.json`)
  const { code, output, cpu } = await exec(
    at("node_modules", ".bin", "jest"),
    [...args, "--json", `--outputFile=${report}`],
    { cwd, env, logName }
  )
  if (!existsSync(report))
    return {
      passed: 0,
      failed: 1,
      allowedSkips: [],
      failedTests: [`${name}: (no jest report)`],
      output,
      seconds: seconds(),
      cpu,
    }
  const {
    passed,
    failed,
    allowedSkips,
    problems,
    failedTests: failedInReport,
  } = readJestReport(JSON.parse(readFileSync(report, "utf8")), code)
  return {
    passed,
    failed,
    allowedSkips,
    failedTests: [...failedInReport, ...problems.map((p) => `${name}: ${p}`)],
    output: [output, ...problems.map((p) => `${name}: ${p}`)].join("\n"),
    seconds: seconds(),
    cpu,
  }
}

/** Runs one jest suite and records its counts as one stage. */
async function jestSuite(name, cwd, args, env = {}) {
  const result = await runJest(name, cwd, args, env)
  for (const skip of result.allowedSkips) notRun.push(`skipped: ${skip}`)
  failedTests.push(...result.failedTests)
  record(name, result, result.output, result.seconds, result.cpu)
}

/** Each HTTP spec file's time, slowest first, for the timing table. */
let httpFileTimes = []

/**
 * The HTTP spec files ran in jobs of one jest process each (a file alone, or a group of files on
 * one app), in both lanes: one row for all of them, its time from the first job's start to the
 * last one's end; the failing jobs' output.
 */
function recordHttpFiles(files) {
  if (files.length === 0) return
  const fileCount = files.reduce((sum, job) => sum + job.name.split(",").length, 0)
  const counts = { passed: 0, failed: 0 }
  const output = []
  for (const file of files) {
    counts.passed += file.passed
    counts.failed += file.failed
    for (const skip of file.allowedSkips) notRun.push(`skipped: ${skip}`)
    failedTests.push(...file.failedTests)
    if (file.failed) output.push(`── ${file.name} ──`, ...file.output.split("\n").slice(-80))
  }
  const span = Math.round(
    (Math.max(...files.map((f) => f.ended)) - Math.min(...files.map((f) => f.started))) / 1000
  )
  httpFileTimes = files
    .map(({ name, seconds, cpu }) => ({ name, seconds, cpu }))
    .sort((a, b) => b.seconds - a.seconds)
  writeFileSync(
    path.join(logDir, "http-files.txt"),
    httpFileTimes
      .map(
        ({ name, seconds, cpu }) => `${String(seconds).padStart(5)} s ${cpuColumn(cpu)}  ${name}`
      )
      .join("\n")
  )
  const cpu = sumCpu(files.map((file) => file.cpu))
  record(
    `commerce integration:http (${fileCount} files in ${files.length} jobs)`,
    counts,
    output.join("\n"),
    span,
    cpu
  )
}

/** Total CPU seconds of several measurements; undefined when any went unmeasured. */
function sumCpu(values) {
  return values.some((value) => value === undefined)
    ? undefined
    : values.reduce((sum, value) => sum + value, 0)
}

/** " CPU    12 s" for the timing rows, blank when unmeasured. */
function cpuColumn(cpu) {
  return cpu === undefined ? " ".repeat(12) : ` CPU ${String(cpu).padStart(5)} s`
}

/** Records a command's exit as one test: 0 passed, anything else failed. */
async function checkCommand(name, command, args, options) {
  const seconds = timer()
  const { code, output, cpu } = await exec(command, args, options)
  record(name, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }, output, seconds(), cpu)
  return { code, output }
}

/**
 * Every workspace's typecheck, in a child process (lib/typecheck-json.mjs): tsc runs
 * synchronously there, which here would stall the other lane's output. Each carries its own time;
 * returns the results (the web build skips its own type check after a passing one).
 */
async function typecheckStages() {
  const seconds = timer()
  const { output, cpu } = await exec(
    process.execPath,
    [at("scripts", "lib", "typecheck-json.mjs")],
    { logName: "typecheck" }
  )
  let results
  try {
    // The last line that is a JSON array: warnings may come before or after it.
    const line = output
      .split("\n")
      .reverse()
      .find((text) => text.startsWith("["))
    results = JSON.parse(line)
  } catch {
    record("typecheck", { passed: 0, failed: 1 }, output, seconds())
    return []
  }
  for (const result of results) {
    const counts = { passed: result.ok ? 1 : 0, failed: result.ok ? 0 : 1 }
    record(result.name, counts, result.output, result.seconds)
  }
  // The workspaces' checks share one process: their CPU is one row.
  recordTime("typecheck (every workspace, one process)", seconds(), cpu)
  return results
}

/**
 * The mini-program's weapp build (skipped when its sources and core are unchanged since the last
 * good build; CI's fresh clone always builds) and the check of its output: every page in
 * app.json emitted, packages within WeChat's size limits.
 */
async function miniprogramWeapp() {
  const seconds = timer()
  const app = at("storefront", "miniprogram")
  let build = { code: 0, output: "" }
  let built
  try {
    built = await buildIfChanged(
      "miniprogram-weapp",
      [app, at("storefront", "core"), at("commerce", "contracts")],
      path.join(app, "dist", "weapp", "app.json"),
      async () => {
        build = await exec(
          process.execPath,
          [path.join(app, "scripts", "taro-build.mjs"), "weapp"],
          {
            cwd: app,
            logName: "miniprogram-weapp-build",
          }
        )
        if (build.code !== 0) throw new Error("weapp build failed")
      }
    )
  } catch {
    record("miniprogram weapp build", { passed: 0, failed: 1 }, build.output, seconds())
    return
  }
  // A reused build tested nothing this run.
  if (built) record("miniprogram weapp build", { passed: 1, failed: 0 }, "", seconds(), build.cpu)
  else
    recordNotRun(
      "miniprogram weapp build",
      "reused (storefront/miniprogram and storefront/core unchanged since the last good build)",
      seconds()
    )
  const check = await checkCommand(
    "miniprogram weapp output (pages, package sizes)",
    process.execPath,
    [path.join(app, "scripts", "check-weapp-output.mjs")],
    { cwd: app, logName: "miniprogram-weapp-check" }
  )
  if (check.code === 0) console.log(`  ${check.output.trim().split("\n")[0]}`)
}

/** The scripts' own tests (scripts/lib/__tests__, node:test): counts from its TAP summary. */
async function scriptsTests() {
  const seconds = timer()
  const { code, output, cpu } = await exec(
    process.execPath,
    ["--test", "--test-reporter=tap", at("scripts", "lib", "__tests__")],
    { logName: "scripts" }
  )
  const count = (label) => Number(output.match(new RegExp(`^# ${label} (\\d+)$`, "m"))?.[1] ?? 0)
  const passed = count("pass")
  // A crash before the summary, or a run of nothing, fails the stage.
  let failed = count("fail") + count("cancelled")
  if (failed === 0 && (code !== 0 || passed === 0)) failed = 1
  record("scripts (node --test)", { passed, failed }, output, seconds(), cpu)
}

/** Validates docker-compose.yml offline with .env.example's keys filled in (no engine needed). */
async function composeConfigCheck(binary) {
  if (!binary) {
    return { skipped: "docker-compose could not be installed" }
  }
  const envFile = path.join(logDir, "compose.env")
  const filled = readFileSync(at(".env.example"), "utf8").replace(
    /^([A-Z0-9_]+)=$/gm,
    "$1=ci-placeholder"
  )
  writeFileSync(envFile, filled)
  const { code, output, cpu } = await exec(binary, ["--env-file", envFile, "config", "--quiet"], {
    logName: "compose",
  })
  return { result: { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }, output, cpu }
}

/** Runs a lane's stages; a crash in one lane is recorded and leaves the other running. */
async function lane(name, stages) {
  const seconds = timer()
  try {
    await stages()
  } catch (error) {
    record(`${name} (crashed)`, { passed: 0, failed: 1 }, String(error?.stack || error), seconds())
  }
  return seconds()
}

try {
  const setupSeconds = timer()
  step("检查 PostgreSQL 与 Redis …")
  // A cluster of its own, without fsync (lib/test-postgres.mjs), unless DATABASE_URL names one.
  if (!process.env.DATABASE_URL) {
    const own = await startTestPostgres()
    if (own) {
      testPostgres = own
      onShutdown(() => own.stop())
      // The e2e stack, the cluster and the production specs find it here.
      process.env.POSTGRES_SERVER_URL = own.serverUrl
      process.env.PRODUCTION_POSTGRES_URL = own.serverUrl
    }
  }
  const postgres = await ensurePostgres()
  if (postgres.embedded) onShutdown(() => postgres.embedded.stop())
  const redis = await ensureRedis()
  const pgUrl = new URL(postgres.serverUrl)
  const serviceEnv = {
    DB_HOST: "localhost",
    DB_USERNAME: decodeURIComponent(pgUrl.username),
    DB_PASSWORD: decodeURIComponent(pgUrl.password),
    DB_PORT: pgUrl.port || "5432",
    POSTGRES_SERVER_URL: postgres.serverUrl,
    REDIS_URL: redis.redisUrl,
    LOG_LEVEL: "error",
    NODE_ENV: "test",
    // Every test process's Postgres sessions (node-postgres reads PGOPTIONS) commit without
    // waiting for the WAL flush: a test database is thrown away, and the flush was about a
    // millisecond of every one of the suites' many thousands of commits.
    PGOPTIONS: "-c synchronous_commit=off",
  }

  // What apt may have to install, now (lib/test-packages.mjs, a process of its own, while the
  // plugins build): apt blocks, and later two lanes run at once.
  const packages = exec(process.execPath, [at("scripts", "lib", "test-packages.mjs")], {
    logName: "test-packages",
  })
  // The app imports the plugins' build output, so its typecheck needs them built.
  step("构建 Medusa 插件 …")
  await buildPlugins()
  const installed = await packages
  if (installed.code !== 0) throw new Error(`test packages:\n${installed.output}`)
  const dockerCompose = installed.output.match(/^docker-compose=(.+)$/m)?.[1]

  recordTime("setup: PostgreSQL, Redis, plugin builds, apt packages", setupSeconds())

  const medusaEnv = {
    ...serviceEnv,
    NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=8192",
  }
  // How many HTTP spec files run at once from the start (HTTP_TEST_WORKERS overrides): one a
  // core, up to two, beside the other lane. A spec file's boot is CPU-bound, but most of its
  // tests wait (on Postgres, sandboxes, queues, polling): a fuzz file measured 113 s of CPU in
  // 607 s, so one file at a time left a core idle for most of the run. Each file runs in a jest
  // process of its own (no memory carried from file to file) with its own databases (copies of
  // one migrated template), app port, Redis prefixes and stand-in ports.
  const httpLanes =
    Number(process.env.HTTP_TEST_WORKERS) || Math.max(1, Math.min(2, availableParallelism()))
  const httpTemplate = `health-http-template-${process.pid}`
  const httpEnv = {
    ...medusaEnv,
    TEST_TYPE: "integration:http",
    HEALTH_HTTP_TEMPLATE_DB: httpTemplate,
  }
  const templateCli = (command) =>
    exec(
      at("node_modules", ".bin", "ts-node"),
      ["--swc", "integration-tests/helpers/http-template-cli.ts", command, httpTemplate],
      { cwd: at("commerce"), env: medusaEnv, logName: `http-template-${command}` }
    )
  onShutdown(() => templateCli("drop"))

  // The jobs both lanes take from, heaviest first (lib/work-queue.mjs): every HTTP spec file
  // once the template is migrated, and the production smoke and restore drill once the
  // journeys are done (each boots a whole platform from the production build, one at a time).
  let templateReady
  const template = new Promise((resolve, reject) => (templateReady = { resolve, reject }))
  let journeysDone
  const journeys = new Promise((resolve) => (journeysDone = resolve))
  const httpFiles = []
  const httpDir = at("commerce", "integration-tests", "http")
  // Most files run in groups, one booted app a group (lib/http-spec-groups.mjs).
  const specNames = readdirSync(httpDir)
    .filter((file) => file.endsWith(".spec.ts"))
    .map((file) => file.replace(/\.spec\.ts$/, ""))
  const httpJobs = httpSpecJobs(specNames).map(({ name, files }) => {
    const alone = files.length === 1
    return {
      name,
      // A member of a group saves the group a boot.
      weight:
        files.reduce(
          (sum, file) => sum + specWeight(file, path.join(httpDir, `${file}.spec.ts`)),
          0
        ) -
        BOOT_SECONDS * (files.length - 1),
      after: template,
      async run() {
        const started = Date.now()
        const result = await runJest(
          `http ${alone ? files[0] : name.split(" ")[0]}`,
          at("commerce"),
          [
            "--runInBand",
            "--forceExit",
            "--runTestsByPath",
            alone
              ? `integration-tests/http/${files[0]}.spec.ts`
              : "integration-tests/spec-group.spec.ts",
          ],
          alone ? httpEnv : { ...httpEnv, HTTP_SPEC_GROUP: files.join(",") }
        )
        httpFiles.push({ name, started, ended: Date.now(), ...result })
      },
    }
  })
  const productionJob = (name, file, title) => ({
    name,
    weight: specWeight(name, at("e2e", "production", file)),
    after: journeys,
    group: "platform",
    run: () =>
      jestSuite(
        title,
        at("e2e"),
        [
          "-c",
          "production/jest.config.js",
          "--runInBand",
          "--forceExit",
          "--runTestsByPath",
          `production/${file}`,
        ],
        { ...serviceEnv, NODE_ENV: "" }
      ),
  })
  const queue = createWorkQueue([
    ...httpJobs,
    productionJob(
      "production-smoke",
      "production-smoke.spec.ts",
      "production smoke (images' start scripts)"
    ),
    productionJob("restore-drill", "restore-drill.spec.ts", "production restore drill"),
  ])

  step(
    `两路并行：commerce HTTP 测试（${httpLanes} 路）| 静态检查、其余测试与构建；两路随后共取剩余任务 …`
  )
  const parallel = timer()
  const [httpLane, otherLane] = await Promise.all([
    lane("commerce HTTP lane", async () => {
      const migrate = await templateCli("prepare")
      if (migrate.code !== 0) {
        record(
          "commerce integration:http template database",
          { passed: 0, failed: 1 },
          migrate.output,
          0
        )
        templateReady.reject(new Error("template"))
      } else templateReady.resolve()
      await Promise.all(Array.from({ length: httpLanes }, () => queue.drain()))
    }),
    lane("static checks, suites and builds lane", async () => {
      try {
        const typechecks = await typecheckStages()
        const typechecked = typechecks.some((r) => r.name === "typecheck storefront/web" && r.ok)
        // Type-only imports count: see scripts/import-circles.mjs.
        await checkCommand(
          "import circles (commerce/src)",
          process.execPath,
          [at("scripts", "import-circles.mjs")],
          { logName: "import-circles" }
        )
        await checkCommand(
          "eslint",
          at("node_modules", ".bin", "eslint"),
          ["-c", "scripts/eslint.config.mjs", "--max-warnings", "0", "."],
          { logName: "eslint" }
        )
        await checkCommand(
          "prettier --check",
          at("node_modules", ".bin", "prettier"),
          ["--check", "."],
          {
            logName: "prettier",
          }
        )
        const composeSeconds = timer()
        const compose = await composeConfigCheck(dockerCompose)
        if (compose.skipped)
          recordNotRun("docker-compose config", compose.skipped, composeSeconds())
        else
          record(
            "docker-compose config",
            compose.result,
            compose.output,
            composeSeconds(),
            compose.cpu
          )

        await scriptsTests()

        for (const type of ["unit", "integration:modules"]) {
          await jestSuite(`commerce ${type}`, at("commerce"), ["--runInBand", "--forceExit"], {
            ...medusaEnv,
            TEST_TYPE: type,
          })
        }
        for (const dir of workspaces()) {
          if (["commerce", "e2e"].includes(dir) || !packageJson(dir).scripts?.test) continue
          // Medusa's module test runner loads modules with dynamic imports.
          const env = dir.startsWith("plugins/") ? medusaEnv : serviceEnv
          // The CMS's files in one jest file: Strapi's modules load once (cms/jest.config.js).
          const together = dir === "cms" ? { CMS_TESTS_TOGETHER: "1" } : {}
          await jestSuite(dir, at(dir), ["--runInBand", "--forceExit"], { ...env, ...together })
        }

        await miniprogramWeapp()

        // What the images contain, built outside Docker by their own scripts in a clean copy
        // (scripts/prod/build-all.mjs): the e2e stack, the production smoke and the cluster all
        // run on it, and each finds it current.
        const buildSeconds = timer()
        const builds = await exec(process.execPath, [at("scripts", "lib", "e2e-builds.mjs")], {
          env: { ...serviceEnv, NODE_ENV: "", HEALTH_WEB_TYPECHECKED: typechecked ? "1" : "" },
          logName: "e2e-builds",
        })
        if (builds.code === 0)
          recordTime(
            "production build in a clean copy (commerce, cms, web, H5)",
            buildSeconds(),
            builds.cpu
          )
        else
          record(
            "production build in a clean copy (commerce, cms, web, H5)",
            { passed: 0, failed: 1 },
            builds.output,
            buildSeconds()
          )

        // The journeys boot the whole platform on ports and databases of their own, so they
        // run here, beside the HTTP specs, on the core this lane has. Without a build they
        // cannot start: that failure is the build's, recorded above.
        if (builds.code === 0) {
          step("端到端测试（启动整个平台）…")
          await jestSuite("e2e", at("e2e"), ["--runInBand", "--forceExit"], {
            ...serviceEnv,
            NODE_ENV: "",
          })
        }
      } finally {
        journeysDone()
      }
      // After the queue has seen the journeys end (its callbacks on them run first).
      await journeys
      await queue.drain()
    }),
  ])
  const together = parallel()
  overlap = { httpLane, otherLane, together }
  recordHttpFiles(httpFiles)
  await templateCli("drop")

  // Last and alone: the cluster test times a price change across two web servers (2 s) and
  // stops a server under load, which a busy machine would make flaky.
  step("生产路径：集群测试 …")
  await jestSuite(
    "production cluster (two of everything behind nginx)",
    at("e2e"),
    [
      "-c",
      "production/jest.config.js",
      "--runInBand",
      "--forceExit",
      "--runTestsByPath",
      "production/cluster.spec.ts",
    ],
    { ...serviceEnv, NODE_ENV: "" }
  )
} catch (error) {
  record("test runner", { passed: 0, failed: 1 }, String(error?.stack || error), 0)
}

/**
 * This process's CPU and that of every process it waited for (/proc/self/stat's cutime and
 * cstime: its children, and theirs that they waited for), in seconds; undefined off Linux.
 */
function runCpuSeconds() {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ")
    const ticksPerSecond = 100
    const children = (Number(fields[13]) + Number(fields[14])) / ticksPerSecond
    const own = process.cpuUsage()
    return Math.round(children + (own.user + own.system) / 1e6)
  } catch {
    return undefined
  }
}

const wall = Math.round((Date.now() - started) / 1000)
console.log(
  `\n${bold("Stage timings")} (slowest last; each stage's own wall time, and its processes' CPU seconds)`
)
// Slowest last, next to the summary: where a log is cut to its tail (CI's excerpt), the
// stages that cost the most are the ones kept.
for (const { name, seconds, cpu } of [...timings].sort((a, b) => a.seconds - b.seconds))
  console.log(`${String(seconds).padStart(6)} s ${cpuColumn(cpu)}  ${name}`)
if (httpFileTimes.length) {
  const slowest = httpFileTimes
    .slice(0, 6)
    .map(
      ({ name, seconds, cpu }) =>
        `${name} ${seconds} s${cpu === undefined ? "" : ` (CPU ${cpu} s)`}`
    )
  console.log(
    `        HTTP spec files, slowest: ${slowest.join(", ")} (all: .data/logs/test/http-files.txt)`
  )
}
if (overlap) {
  const { httpLane, otherLane, together } = overlap
  console.log(
    `${String(together).padStart(6)} s  the two lanes together (HTTP ${httpLane} s, the rest ${otherLane} s): overlap saved ${httpLane + otherLane - together} s`
  )
}
const postgresCpu = testPostgres?.cpuSeconds()
if (postgresCpu !== undefined)
  console.log(
    `${" ".repeat(8)} ${cpuColumn(postgresCpu)}  PostgreSQL (npm test's own cluster; not in the rows above)`
  )
const machine = machineLine(machineAtStart, machineCpu(), wall)
if (machine) console.log(machine)
console.log(`${String(wall).padStart(6)} s ${cpuColumn(runCpuSeconds())}  total wall time`)
console.log(
  `\n${bold("Summary")} (${(wall / 60).toFixed(1)} min)${failures.length ? `; failed: ${failures.join(", ")}` : ""}; logs in .data/logs/test/`
)
for (const line of notRun) console.log(`  ${yellow(line)}`)
// Last, beside the counts: a log cut to its tail still names what failed.
for (const name of failedTests) console.log(`  ${red("✖")} ${name}`)
console.log(`${tally.passed} passed, ${tally.failed} failed`)
await shutdown(tally.failed ? 1 : 0)
