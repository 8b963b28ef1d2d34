import { randomBytes } from "node:crypto"

const madeUp = new Map<string, string>()

/**
 * A secret from the environment, never a published default (a token signed with a secret
 * printed in a README was once accepted as the super admin). Production refuses to start
 * without it; elsewhere (a hand-run `medusa develop`, tests) this process gets a random
 * one, so whatever it signs is worthless to anyone else and after a restart. `npm start`
 * generates and keeps every secret in .data/secrets.json.
 */
export function secretFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name]?.trim()
  if (value) return value
  if (env.NODE_ENV === "production") {
    throw new Error(`${name} is not set: production needs its own secret (see .env.example)`)
  }
  if (!madeUp.has(name)) madeUp.set(name, randomBytes(32).toString("hex"))
  return madeUp.get(name)!
}
