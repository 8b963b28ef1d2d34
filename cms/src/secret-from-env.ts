import { randomBytes } from "crypto"

const madeUp = new Map<string, string>()

/** Every secret the CMS signs or encrypts with; production must set each one itself. */
export const CMS_SECRETS = [
  "APP_KEYS",
  "ADMIN_JWT_SECRET",
  "API_TOKEN_SALT",
  "TRANSFER_TOKEN_SALT",
  "ENCRYPTION_KEY",
  "JWT_SECRET",
  "CMS_WEBHOOK_SECRET",
]

/**
 * A secret from the environment, never a published default: a token or session signed
 * with a secret printed in the README would be accepted. When it is unset this process
 * gets a random one (tests, the admin build); `assertProductionSecrets` stops a production
 * server from starting so. `npm start` generates and keeps every secret in .data/secrets.json.
 */
export function secretFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name]?.trim()
  if (value) return value
  if (!madeUp.has(name)) madeUp.set(name, randomBytes(32).toString("hex"))
  return madeUp.get(name)!
}

/** Refuses to serve in production with a secret nobody set. */
export function assertProductionSecrets(env: NodeJS.ProcessEnv = process.env) {
  if (env.NODE_ENV !== "production") return
  const missing = CMS_SECRETS.filter((name) => !env[name]?.trim())
  if (missing.length) {
    throw new Error(
      `${missing.join(", ")} not set: production needs its own secrets (see .env.example)`
    )
  }
}
