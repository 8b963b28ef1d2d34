import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { DATA_DIR } from "./paths.mjs"

const random = (bytes = 32) => randomBytes(bytes).toString("hex")

/**
 * Every secret the local stack signs or encrypts with. None has a published default: a
 * token signed with a secret from the README must never be accepted (issue #15).
 */
const GENERATORS = {
  healthDataKeys: () => `local1:${randomBytes(32).toString("base64")}`,
  jwtSecret: random,
  cookieSecret: random,
  revalidateSecret: random,
  cmsWebhookSecret: random,
  cmsApiToken: random,
  webForwardSecret: random,
  orderAccessSecret: random,
  videoCallSecret: random,
  cmsAppKeys: () => [random(16), random(16), random(16), random(16)].join(","),
  cmsAdminJwtSecret: random,
  cmsApiTokenSalt: random,
  cmsTransferTokenSalt: random,
  cmsEncryptionKey: () => random(16),
  cmsJwtSecret: random,
}

/**
 * Secrets this machine's stack needs but nobody should have to invent: generated on the
 * first run into .data/secrets.json (git-ignored, mode 600) and reused, so encrypted data
 * stays readable and sessions survive a restart.
 */
export function localSecrets() {
  const file = path.join(DATA_DIR, "secrets.json")
  const secrets = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  let changed = false
  for (const [name, generate] of Object.entries(GENERATORS)) {
    if (secrets[name]) continue
    secrets[name] = generate()
    changed = true
  }
  if (changed) {
    mkdirSync(DATA_DIR, { recursive: true })
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return secrets
}
