import { stopAll } from "../../scripts/lib/processes.mjs"

export default async function globalTeardown() {
  if (globalThis.__E2E_STACK_STARTED__) await stopAll()
  await globalThis.__E2E_SMTP__?.close()
  await globalThis.__E2E_SMS__?.stop()
}
