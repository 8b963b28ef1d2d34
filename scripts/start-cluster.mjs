// `npm run start:cluster`: what production runs, on this machine (docs/cluster.md): the
// production build (scripts/prod/build-all.mjs, reused while the sources are unchanged), then
// nginx in front of two commerce servers, a worker, the CMS, two web servers and the H5.
//
// CLUSTER_OPTIONS (JSON) overrides bootCluster's options: the cluster test boots its own
// cluster this way ({ "ports": {...}, "databases": {...}, "prefix": "...", ... }; "root" names
// a production build to start instead of building one) and reads the line
// `CLUSTER_READY <json>` this script prints once everything answers.
import { ensureDependencies } from "./lib/install.mjs"

ensureDependencies()

const { bootCluster } = await import("./lib/cluster.mjs")
const { buildAll } = await import("./prod/build-all.mjs")
const { stopAllOnExit } = await import("./lib/processes.mjs")
const { bold, green, step } = await import("./lib/log.mjs")
const { ROOT } = await import("./lib/paths.mjs")

const shutdown = stopAllOnExit()
try {
  const options = process.env.CLUSTER_OPTIONS ? JSON.parse(process.env.CLUSTER_OPTIONS) : {}
  const buildStarted = Date.now()
  // options.root: a production build made elsewhere (build-all.mjs), started as it is.
  let root = options.root
  if (!root) {
    step("生产构建（源码未变时复用）…")
    root = await buildAll({ source: ROOT, reuse: true })
  }
  const buildSeconds = (Date.now() - buildStarted) / 1000
  const cluster = await bootCluster({ echo: process.env.QUIET !== "1", ...options, root })
  const { urls } = cluster
  const pids = Object.fromEntries(
    Object.entries(cluster.processes).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map((child) => child.pid) : value.pid,
    ])
  )
  const { processes: _processes, stop: _stop, ...described } = cluster
  // For a program that started this one (the cluster test); people read the lines below.
  if (process.env.CLUSTER_OPTIONS)
    console.log(
      `CLUSTER_READY ${JSON.stringify({ ...described, timings: { build: buildSeconds, ...cluster.timings }, pids })}`
    )
  console.log(`
${green("✔")} ${bold("健康服务平台（集群）已启动")}

  商城前台 (web ×2)       ${urls.web}      → ${urls.webServers.join(", ")}
  商城后台 (Medusa)       ${urls.admin}
  Store API (commerce ×2) ${urls.commerce}/store → ${urls.commerceServers.join(", ")}
  commerce worker         ${urls.commerceWorker}/health
  内容后台 (Strapi)       ${urls.cmsAdmin}
  小程序 H5               ${urls.miniprogramH5}

按 Ctrl-C 停止全部服务。日志: ${cluster.logDir}
`)
} catch (error) {
  console.error(error.message)
  await shutdown(1)
}
