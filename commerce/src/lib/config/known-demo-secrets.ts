/**
 * Values printed in this repository (README, .env.example, docs, tests, Medusa's starter)
 * or made for development. Anyone can read them, so production refuses them as secrets.
 */
export const KNOWN_DEMO_SECRETS: readonly string[] = [
  "supersecret",
  "secret",
  "changeme",
  "change-me",
  "Admin12345",
  "Demo12345",
  "dev-storefront-read-token-0123456789abcdef",
  "wx-dev-secret",
  "wx-dev-oa-secret",
  // The stand-in service account's server-URL token and EncodingAESKey (scripts/lib/stack.mjs).
  "wx-dev-oa-token",
  "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
]

/** A secret shorter than this is guessable; `npm start` and docs/deploy.md use 32 random bytes. */
export const MIN_SECRET_LENGTH = 16

export function isKnownDemoSecret(value: string): boolean {
  const normalized = value.trim().toLowerCase()
  return KNOWN_DEMO_SECRETS.some((known) => known.toLowerCase() === normalized)
}
