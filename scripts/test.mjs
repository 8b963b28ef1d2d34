// `npm test`: static checks, every workspace's tests against real services, and the
// e2e journeys in Chromium; ends with a table of stage timings and one line "N passed, N failed".
// A stage that runs no test, and any skipped or todo test other than the named ones in
// lib/jest-report.mjs's ALLOWED_SKIPS, fails the run.
// After the setup two lanes share the cores: the commerce HTTP specs (the longest stage) in
// one; the static checks, the other suites, the production build (a clean copy built by the
// images' own scripts) and the e2e journeys on that build in the other. The production stage
// runs last and alone: the smoke test, the cluster test and the restore drill. Each stage logs
// to .data/logs/test/<stage>.log; its row in the timing table is its own wall time.
import { ensureDependencies } from "./lib/install.mjs"

ensureDependencies()

const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = await import("node:fs")
const path = await import("node:path")
const { availableParallelism } = await import("node:os")
const { spawn } = await import("node:child_process")
const { at, DATA_DIR } = await import("./lib/paths.mjs")
const { bold, green, red, step, yellow } = await import("./lib/log.mjs")
const { ensurePostgres, ensureRedis } = await import("./lib/services.mjs")
const { ensureChromium } = await import("./lib/chromium.mjs")
const { aptInstall } = await import("./lib/apt.mjs")
const { ensureReportFont } = await import("./lib/report-font.mjs")
const { workspaces, packageJson } = await import("./lib/workspaces.mjs")
const { onShutdown, stopAllOnExit } = await import("./lib/processes.mjs")
const { buildPlugins } = await import("./lib/plugins.mjs")
const { buildIfChanged } = await import("./lib/build-stamp.mjs")
const { readJestReport } = await import("./lib/jest-report.mjs")

const started = Date.now()
const shutdown = stopAllOnExit()
const logDir = path.join(DATA_DIR, "logs", "test")
rmSync(logDir, { recursive: true, force: true })
mkdirSync(logDir, { recursive: true })

const tally = { passed: 0, failed: 0 }
const failures = []
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
function recordTime(name, seconds) {
  timings.push({ name, seconds })
}

function record(name, { passed, failed }, output, seconds) {
  timings.push({ name, seconds })
  tally.passed += passed
  tally.failed += failed
  const mark = failed ? red("✖") : green("✔")
  console.log(`${mark} ${name}: ${passed} passed, ${failed} failed (${seconds} s)`)
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

function exec(command, args, { cwd = at(), env = {}, logName } = {}) {
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
      resolve({ code, output })
    })
  })
}

/** Runs one jest suite with a JSON report and records its counts. */
async function jestSuite(name, cwd, args, env = {}) {
  const seconds = timer()
  const report = path.join(logDir, `${name.replace(/[^\w-]+/g, "_")}.json`)
  const { code, output } = await exec(
    at("node_modules", ".bin", "jest"),
    [...args, "--json", `--outputFile=${report}`],
    {
      cwd,
      env,
      logName: name.replace(/[^\w-]+/g, "_"),
    }
  )
  if (!existsSync(report)) {
    record(name, { passed: 0, failed: 1 }, output, seconds())
    return
  }
  const { passed, failed, allowedSkips, problems } = readJestReport(
    JSON.parse(readFileSync(report, "utf8")),
    code
  )
  for (const skip of allowedSkips) notRun.push(`skipped: ${skip}`)
  record(
    name,
    { passed, failed },
    [output, ...problems.map((p) => `${name}: ${p}`)].join("\n"),
    seconds()
  )
}

/** Records a command's exit as one test: 0 passed, anything else failed. */
async function checkCommand(name, command, args, options) {
  const seconds = timer()
  const { code, output } = await exec(command, args, options)
  record(name, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }, output, seconds())
  return { code, output }
}

/**
 * Every workspace's typecheck, in a child process (lib/typecheck-json.mjs): tsc runs
 * synchronously there, which here would stall the other lane's output. Each carries its own time.
 */
async function typecheckStages() {
  const seconds = timer()
  const { output } = await exec(process.execPath, [at("scripts", "lib", "typecheck-json.mjs")], {
    logName: "typecheck",
  })
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
    return
  }
  for (const result of results) {
    const counts = { passed: result.ok ? 1 : 0, failed: result.ok ? 0 : 1 }
    record(result.name, counts, result.output, result.seconds)
  }
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
  if (built) record("miniprogram weapp build", { passed: 1, failed: 0 }, "", seconds())
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

/** docker-compose for the config check, installed with apt (blocking: only during setup). */
function ensureDockerCompose() {
  const candidates = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"]
  if (!candidates.some((candidate) => existsSync(candidate))) aptInstall(["docker-compose"])
  return candidates.find((candidate) => existsSync(candidate))
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
  const { code, output } = await exec(binary, ["--env-file", envFile, "config", "--quiet"], {
    logName: "compose",
  })
  return { result: { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }, output }
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
  }

  // The app imports the plugins' build output, so its typecheck needs them built.
  step("构建 Medusa 插件 …")
  await buildPlugins()
  // What apt may have to install, now: apt blocks, and later two lanes run at once.
  const dockerCompose = ensureDockerCompose()
  // The web's report PDF tests embed this font; they fail (not skip) when it is missing.
  ensureReportFont()
  ensureChromium()

  recordTime("setup: PostgreSQL, Redis, plugin builds, apt packages", setupSeconds())

  // Each HTTP spec file boots a Medusa app and not all of it is freed: about 200 MB a file
  // stays, past Node's default heap after some 20 files in one process. With workers, jest
  // replaces a worker whose memory passed the idle limit after its file.
  const medusaEnv = {
    ...serviceEnv,
    NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=8192",
  }
  // The HTTP specs' workers (HTTP_TEST_WORKERS overrides): the cores the other lane leaves,
  // up to two. Setting up a spec file is CPU-bound, so a third process on two cores made no
  // file faster, only every test slower (staff-access' route walk ran past its timeout).
  // Each worker's spec files get their own databases (copies of one migrated template), app
  // port, Redis prefixes and stand-in ports.
  const httpWorkers =
    Number(process.env.HTTP_TEST_WORKERS) || Math.max(1, Math.min(2, availableParallelism() - 1))
  // HTTP spec files the second lane runs after its e2e journeys, so that the two lanes end
  // close together (the HTTP specs alone took longer than everything else in that lane).
  const secondLaneHttpSpecs = [
    "finance-summary",
    "offline-order-payment-gate",
    "object-storage",
    "queue-dashboard",
  ]
  const firstLaneHttp = [
    "--testPathIgnorePatterns",
    "/node_modules/",
    ...secondLaneHttpSpecs.map((name) => `/integration-tests/http/${name}\\.spec\\.ts$`),
  ]
  const httpArgs =
    httpWorkers > 1
      ? [`--maxWorkers=${httpWorkers}`, "--workerIdleMemoryLimit=1536MB", "--forceExit"]
      : ["--runInBand", "--forceExit"]

  step(`两路并行：commerce HTTP 测试（${httpWorkers} 个 worker）| 静态检查、其余测试与构建 …`)
  const parallel = timer()
  const [httpLane, otherLane] = await Promise.all([
    lane("commerce HTTP lane", () =>
      jestSuite("commerce integration:http", at("commerce"), [...httpArgs, ...firstLaneHttp], {
        ...medusaEnv,
        TEST_TYPE: "integration:http",
      })
    ),
    lane("static checks, suites and builds lane", async () => {
      await typecheckStages()
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
      if (compose.skipped) recordNotRun("docker-compose config", compose.skipped, composeSeconds())
      else record("docker-compose config", compose.result, compose.output, composeSeconds())

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
        await jestSuite(dir, at(dir), ["--runInBand", "--forceExit"], env)
      }

      await miniprogramWeapp()

      // What the images contain, built outside Docker by their own scripts in a clean copy
      // (scripts/prod/build-all.mjs): the e2e stack, the production smoke and the cluster all
      // run on it, and each finds it current.
      const buildSeconds = timer()
      const builds = await exec(process.execPath, [at("scripts", "lib", "e2e-builds.mjs")], {
        env: { ...serviceEnv, NODE_ENV: "" },
        logName: "e2e-builds",
      })
      if (builds.code === 0)
        recordTime("production build in a clean copy (commerce, cms, web, H5)", buildSeconds())
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

      await jestSuite(
        "commerce integration:http (second lane)",
        at("commerce"),
        [
          "--runInBand",
          "--forceExit",
          ...secondLaneHttpSpecs.map((name) => `integration-tests/http/${name}\\.spec\\.ts$`),
        ],
        { ...medusaEnv, TEST_TYPE: "integration:http" }
      )
    }),
  ])
  const together = parallel()
  overlap = { httpLane, otherLane, together }

  // Last and alone: each spec boots services of its own from the production build, and the
  // cluster test times a price change across two web servers (2 s).
  step("生产路径：冒烟测试、集群测试、备份恢复演练 …")
  await jestSuite(
    "production (smoke, cluster, restore drill)",
    at("e2e"),
    ["-c", "production/jest.config.js", "--runInBand", "--forceExit"],
    { ...serviceEnv, NODE_ENV: "" }
  )
} catch (error) {
  record("test runner", { passed: 0, failed: 1 }, String(error?.stack || error), 0)
}

const wall = Math.round((Date.now() - started) / 1000)
console.log(`\n${bold("Stage timings")} (slowest first; each stage's own wall time)`)
for (const { name, seconds } of [...timings].sort((a, b) => b.seconds - a.seconds))
  console.log(`${String(seconds).padStart(6)} s  ${name}`)
if (overlap) {
  const { httpLane, otherLane, together } = overlap
  console.log(
    `${String(together).padStart(6)} s  the two lanes together (HTTP ${httpLane} s, the rest ${otherLane} s): overlap saved ${httpLane + otherLane - together} s`
  )
}
console.log(`${String(wall).padStart(6)} s  total wall time`)
console.log(
  `\n${bold("Summary")} (${(wall / 60).toFixed(1)} min)${failures.length ? `; failed: ${failures.join(", ")}` : ""}; logs in .data/logs/test/`
)
for (const line of notRun) console.log(`  ${yellow(line)}`)
console.log(`${tally.passed} passed, ${tally.failed} failed`)
await shutdown(tally.failed ? 1 : 0)
