import { writeFileSync } from "fs"
import path from "path"
import { loadOrCreateAlipaySandboxKeys } from "./keys"
import { startAlipaySandbox } from "./server"

/**
 * `npm run sandbox -w plugins/alipay`: the sandbox on :9410 (ALIPAY_SANDBOX_PORT), keys under
 * .data/alipay-sandbox (ALIPAY_SANDBOX_DATA_DIR), public-key mode unless
 * ALIPAY_SANDBOX_MODE=certificate. Prints the ALIPAY_* settings for commerce and writes them
 * to provider.env beside the keys.
 */
async function main() {
  const dataDir =
    process.env.ALIPAY_SANDBOX_DATA_DIR ||
    path.resolve(__dirname, "../../../../.data/alipay-sandbox")
  const mode = process.env.ALIPAY_SANDBOX_MODE === "certificate" ? "certificate" : "public_key"
  const sandbox = await startAlipaySandbox({
    port: Number(process.env.ALIPAY_SANDBOX_PORT || 9410),
    keys: loadOrCreateAlipaySandboxKeys(dataDir, mode),
    timeScale: Number(process.env.ALIPAY_SANDBOX_TIME_SCALE || 0.01),
    log: (line) => console.log(line),
  })
  const notifyUrl =
    process.env.ALIPAY_NOTIFY_URL ||
    `${(process.env.COMMERCE_PUBLIC_URL || "http://localhost:9000").replace(/\/+$/, "")}/hooks/payment/alipay_alipay`
  const env = sandbox.env(notifyUrl)
  const file = path.join(dataDir, "provider.env")
  writeFileSync(
    file,
    Object.entries(env)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
      .join("\n") + "\n",
    { mode: 0o600 }
  )
  console.log(
    `支付宝沙箱 Alipay sandbox (${mode}) listening on ${sandbox.url}; provider settings in ${file}:`
  )
  for (const [key, value] of Object.entries(env)) console.log(`${key}=${JSON.stringify(value)}`)
  const stop = () => sandbox.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
