import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { DATA_DIR } from "./paths.mjs"

/**
 * Secrets this machine's stack needs but nobody should have to invent: generated once
 * into .data/secrets.json (git-ignored) and reused, so encrypted data stays readable.
 */
export function localSecrets() {
  const file = path.join(DATA_DIR, "secrets.json")
  const secrets = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  let changed = false
  if (!secrets.healthDataKeys) {
    secrets.healthDataKeys = `local1:${randomBytes(32).toString("base64")}`
    changed = true
  }
  if (changed) {
    mkdirSync(DATA_DIR, { recursive: true })
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return secrets
}
