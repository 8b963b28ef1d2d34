// `node scripts/taro-build.mjs weapp|h5 [--watch]`: runs `taro build` for one platform.
//
// Taro's webpack5 runner peers webpack 5.91.0 exactly while the root has a newer webpack, so npm
// keeps the runner and @tarojs/taro-loader in this workspace's node_modules. Taro adds its page
// loaders by bare name, and webpack's (hoisted) loader-runner then cannot require them; NODE_PATH
// lets it find them here.
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const appDir = path.resolve(here, "..")
const [platform, ...rest] = process.argv.slice(2)
if (!["weapp", "h5"].includes(platform)) {
  console.error("用法：node scripts/taro-build.mjs weapp|h5 [--watch]")
  process.exit(2)
}

const localModules = path.join(appDir, "node_modules")
const child = spawn(
  process.execPath,
  [
    path.join(appDir, "..", "..", "node_modules", "@tarojs", "cli", "bin", "taro"),
    "build",
    "--type",
    platform,
    ...rest,
  ],
  {
    cwd: appDir,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: rest.includes("--watch") ? "development" : "production",
      NODE_PATH: [localModules, process.env.NODE_PATH].filter(Boolean).join(path.delimiter),
    },
  }
)
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)))
