// `npm test`: static checks, every workspace's tests against real services, and the
// e2e journeys in Chromium; ends with a table of stage timings and one line "N passed, N failed".
// A stage that runs no test, and any skipped or todo test other than the named ones in
// lib/jest-report.mjs's ALLOWED_SKIPS, fails the run.
import { ensureDependencies } from "./lib/install.mjs"

ensureDependencies()

const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = await import("node:fs")
const path = await import("node:path")
const { spawn } = await import("node:child_process")
const { at, DATA_DIR } = await import("./lib/paths.mjs")
const { bold, green, red, step, yellow } = await import("./lib/log.mjs")
const { ensurePostgres, ensureRedis } = await import("./lib/services.mjs")
const { ensureChromium } = await import("./lib/chromium.mjs")
const { aptInstall } = await import("./lib/apt.mjs")
const { ensureReportFont } = await import("./lib/report-font.mjs")
const { typecheckAll } = await import("./typecheck.mjs")
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

// Stages run one after another: each line shows the time since the previous one ended.
let lastRecorded = started

function secondsSinceLastRecord() {
  const seconds = Math.round((Date.now() - lastRecorded) / 1000)
  lastRecorded = Date.now()
  return seconds
}

/** Time spent before the next stage that belongs to none (services, plugin builds). */
function recordTime(name) {
  timings.push({ name, seconds: secondsSinceLastRecord() })
}

function record(name, { passed, failed }, output = "", seconds = secondsSinceLastRecord()) {
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
function recordNotRun(name, why) {
  const seconds = secondsSinceLastRecord()
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
    child.on("exit", (code) => {
      if (logName) writeFileSync(path.join(logDir, `${logName}.log`), output)
      resolve({ code, output })
    })
  })
}

/** Runs one jest suite with a JSON report and records its counts. */
async function jestSuite(name, cwd, args, env = {}) {
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
    record(name, { passed: 0, failed: 1 }, output)
    return
  }
  const { passed, failed, allowedSkips, problems } = readJestReport(
    JSON.parse(readFileSync(report, "utf8")),
    code
  )
  for (const skip of allowedSkips) notRun.push(`skipped: ${skip}`)
  record(name, { passed, failed }, [output, ...problems.map((p) => `${name}: ${p}`)].join("\n"))
}

/**
 * The mini-program's weapp build (skipped when its sources and core are unchanged since the last
 * good build; CI's fresh clone always builds) and the check of its output: every page in
 * app.json emitted, packages within WeChat's size limits.
 */
async function miniprogramWeapp() {
  const app = at("storefront", "miniprogram")
  let build = { code: 0, output: "" }
  let built
  try {
    built = await buildIfChanged(
      "miniprogram-weapp",
      [app, at("storefront", "core")],
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
    record("miniprogram weapp build", { passed: 0, failed: 1 }, build.output)
    return
  }
  // A reused build tested nothing this run.
  if (built) record("miniprogram weapp build", { passed: 1, failed: 0 })
  else
    recordNotRun(
      "miniprogram weapp build",
      "reused (storefront/miniprogram and storefront/core unchanged since the last good build)"
    )
  const check = await exec(
    process.execPath,
    [path.join(app, "scripts", "check-weapp-output.mjs")],
    {
      cwd: app,
      logName: "miniprogram-weapp-check",
    }
  )
  record(
    "miniprogram weapp output (pages, package sizes)",
    { passed: check.code === 0 ? 1 : 0, failed: check.code === 0 ? 0 : 1 },
    check.output
  )
  if (check.code === 0) console.log(`  ${check.output.trim().split("\n")[0]}`)
}

/** Validates docker-compose.yml offline with .env.example's keys filled in (no engine needed). */
async function composeConfigCheck() {
  const candidates = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"]
  if (!candidates.some((candidate) => existsSync(candidate))) aptInstall(["docker-compose"])
  const binary = candidates.find((candidate) => existsSync(candidate))
  if (!binary) {
    return { skipped: "docker-compose could not be installed" }
  }
  const envFile = path.join(logDir, "compose.env")
  const filled = readFileSync(at(".env.example"), "utf8").replace(
    /^([A-Z_]+)=$/gm,
    "$1=ci-placeholder"
  )
  writeFileSync(envFile, filled)
  const { code, output } = await exec(binary, ["--env-file", envFile, "config", "--quiet"], {
    logName: "compose",
  })
  return { result: { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }, output }
}

try {
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

  recordTime("setup: PostgreSQL, Redis, plugin builds")

  step("静态检查：tsc、ESLint、Prettier …")
  // The workspaces' checks run before any is recorded: each carries its own time.
  for (const result of typecheckAll({ quiet: true })) {
    const counts = { passed: result.ok ? 1 : 0, failed: result.ok ? 0 : 1 }
    record(result.name, counts, result.output, result.seconds)
  }
  secondsSinceLastRecord()
  // Type-only imports count: see scripts/import-circles.mjs.
  const circles = await exec(process.execPath, [at("scripts", "import-circles.mjs")], {
    logName: "import-circles",
  })
  record(
    "import circles (commerce/src)",
    { passed: circles.code === 0 ? 1 : 0, failed: circles.code === 0 ? 0 : 1 },
    circles.output
  )
  const lint = await exec(
    at("node_modules", ".bin", "eslint"),
    ["-c", "scripts/eslint.config.mjs", "--max-warnings", "0", "."],
    { logName: "eslint" }
  )
  record(
    "eslint",
    { passed: lint.code === 0 ? 1 : 0, failed: lint.code === 0 ? 0 : 1 },
    lint.output
  )
  const prettier = await exec(at("node_modules", ".bin", "prettier"), ["--check", "."], {
    logName: "prettier",
  })
  record(
    "prettier --check",
    { passed: prettier.code === 0 ? 1 : 0, failed: prettier.code === 0 ? 0 : 1 },
    prettier.output
  )

  const compose = await composeConfigCheck()
  if (compose.skipped) recordNotRun("docker-compose config", compose.skipped)
  else record("docker-compose config", compose.result, compose.output)

  step("各工作区测试 …")
  // The web's report PDF tests embed this font; they fail (not skip) when it is missing.
  ensureReportFont()
  // Each HTTP spec file boots a Medusa app in the one jest process and not all of it is freed:
  // about 200 MB a file stays, past Node's default heap after some 20 files.
  const medusaEnv = {
    ...serviceEnv,
    NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=8192",
  }
  for (const type of ["unit", "integration:modules", "integration:http"]) {
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

  step("小程序 weapp 构建与产物检查 …")
  await miniprogramWeapp()

  step("端到端测试（启动整个平台）…")
  ensureChromium()
  await jestSuite("e2e", at("e2e"), ["--runInBand", "--forceExit"], { ...serviceEnv, NODE_ENV: "" })
} catch (error) {
  record("test runner", { passed: 0, failed: 1 }, String(error?.stack || error))
}

const minutes = ((Date.now() - started) / 60000).toFixed(1)
console.log(`\n${bold("Stage timings")} (slowest first)`)
for (const { name, seconds } of [...timings].sort((a, b) => b.seconds - a.seconds))
  console.log(`${String(seconds).padStart(6)} s  ${name}`)
console.log(
  `\n${bold("Summary")} (${minutes} min)${failures.length ? `; failed: ${failures.join(", ")}` : ""}; logs in .data/logs/test/`
)
for (const line of notRun) console.log(`  ${yellow(line)}`)
console.log(`${tally.passed} passed, ${tally.failed} failed`)
await shutdown(tally.failed ? 1 : 0)
