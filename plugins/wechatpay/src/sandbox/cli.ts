import { writeFileSync } from "fs"
import path from "path"
import { startSandbox } from "./server"

/** `npm run sandbox -w plugins/wechatpay`: the sandbox on :9400 with keys under .data/. */
async function main() {
  const dataDir =
    process.env.WECHATPAY_SANDBOX_DATA_DIR ||
    path.resolve(__dirname, "../../../../.data/wechatpay-sandbox")
  const sandbox = await startSandbox({
    port: Number(process.env.WECHATPAY_SANDBOX_PORT || 9400),
    dataDir,
    timeScale: Number(process.env.WECHATPAY_SANDBOX_TIME_SCALE || 0.01),
  })
  const env = sandbox.providerEnv
  writeFileSync(
    path.join(dataDir, "provider.env"),
    Object.entries(env)
      .filter(([key]) => key !== "WECHATPAY_NOTIFY_URL")
      .map(([key, value]) => `${key}=${value}`)
      .join("\n") + "\n"
  )
  console.log(
    `WeChat Pay sandbox listening on ${sandbox.url} (provider settings: ${path.join(dataDir, "provider.env")})`
  )
  const stop = () => sandbox.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
