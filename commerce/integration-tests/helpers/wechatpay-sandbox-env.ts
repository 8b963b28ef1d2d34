// Where a spec file's WeChat Pay sandbox listens and keeps its keys, set into WECHATPAY_* at
// load time: the app reads them when it boots, so they exist before it.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { loadOrCreateSandboxKeys, providerEnv } from "@health/medusa-plugin-wechatpay/sandbox"
import { freePortSync } from "./free-port"

const CALLBACK_URL = "http://localhost/hooks/payment/wechatpay_wechatpay"
const PLACE = "__healthWechatPaySandboxPlace"

export type SandboxPlace = { port: number; dataDir: string }

/**
 * The sandbox's port and key directory, made once a test process: the spec files of a group
 * (spec-group.ts) share one app and so one configured sandbox, each starting it there in its
 * own beforeAll. `callbackUrl` is where the sandbox's payment callbacks go.
 */
export function wechatPaySandboxEnv(callbackUrl = CALLBACK_URL): SandboxPlace {
  const globals = globalThis as Record<string, unknown>
  const place = (globals[PLACE] ??= {
    port: freePortSync(),
    dataDir: mkdtempSync(path.join(tmpdir(), "wxpay-sandbox-")),
  }) as SandboxPlace
  Object.assign(
    process.env,
    providerEnv(
      loadOrCreateSandboxKeys(place.dataDir),
      place.dataDir,
      `http://localhost:${place.port}`,
      callbackUrl
    )
  )
  return place
}
