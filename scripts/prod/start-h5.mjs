// `node scripts/prod/start-h5.mjs [--root <copy>]`: what the mini-program H5 image runs: the
// H5 build served by storefront/miniprogram/scripts/serve-h5.mjs on $PORT (10086 by default).
// Its /runtime-config.js names the back ends browsers reach: TARO_APP_* when set, otherwise
// the public origins every service shares (COMMERCE_PUBLIC_URL, CMS_PUBLIC_URL,
// STOREFRONT_PUBLIC_URL) and MEDUSA_PUBLISHABLE_KEY.
import { existsSync } from "node:fs"
import path from "node:path"
import { isEntryPoint, parseArguments, runAsCommand } from "./lib/command-line.mjs"
import { superviseServer } from "./lib/supervise.mjs"

export function h5RuntimeEnvironment(env) {
  const pick = (...names) => names.map((name) => env[name]).find(Boolean) || ""
  return Object.fromEntries(
    Object.entries({
      TARO_APP_COMMERCE_URL: pick(
        "TARO_APP_COMMERCE_URL",
        "COMMERCE_PUBLIC_URL",
        "MEDUSA_BACKEND_URL"
      ),
      TARO_APP_PUBLISHABLE_KEY: pick("TARO_APP_PUBLISHABLE_KEY", "MEDUSA_PUBLISHABLE_KEY"),
      TARO_APP_CMS_URL: pick("TARO_APP_CMS_URL", "CMS_PUBLIC_URL"),
      TARO_APP_WEB_URL: pick("TARO_APP_WEB_URL", "STOREFRONT_PUBLIC_URL", "STOREFRONT_URL"),
    }).filter(([, value]) => value)
  )
}

export function startH5(root, env = process.env) {
  const appDir = path.join(root, "storefront", "miniprogram")
  const dist = path.join(appDir, "dist", "h5")
  if (!existsSync(path.join(dist, "index.html"))) {
    throw new Error(`没有 H5 的构建产物 (${dist})：先运行 scripts/prod/build-h5.mjs`)
  }
  const port = env.PORT || "10086"
  return superviseServer(
    process.execPath,
    [path.join(appDir, "scripts", "serve-h5.mjs"), port, dist],
    { cwd: appDir, env: { ...env, ...h5RuntimeEnvironment(env) } }
  )
}

if (isEntryPoint(import.meta.url)) runAsCommand(() => startH5(parseArguments().root))
