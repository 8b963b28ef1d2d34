import { writeFileSync } from "fs"
import path from "path"
import { startSandbox } from "./server"

/** `npm run sandbox -w plugins/unionpay`: the sandbox on :9500 with certificates under .data/. */
async function main() {
  const dataDir =
    process.env.UNIONPAY_SANDBOX_DATA_DIR ||
    path.resolve(__dirname, "../../../../.data/unionpay-sandbox")
  const sandbox = await startSandbox({
    port: Number(process.env.UNIONPAY_SANDBOX_PORT || 9500),
    dataDir,
    timeScale: Number(process.env.UNIONPAY_SANDBOX_TIME_SCALE || 0.01),
  })
  const file = path.join(dataDir, "provider.env")
  writeFileSync(
    file,
    Object.entries(sandbox.providerEnv())
      .map(([key, value]) => `${key}=${value}`)
      .join("\n") + "\n"
  )
  console.log(`UnionPay sandbox listening on ${sandbox.url} (provider settings: ${file})`)
  const stop = () => sandbox.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
