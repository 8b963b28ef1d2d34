/**
 * The origins members and staff see, one per service, read when the process starts (never
 * baked into a build). Each falls back to the name it had before (MEDUSA_BACKEND_URL,
 * STOREFRONT_URL); outside production a missing one is the `npm start` address, in
 * production it is a startup error naming the variable (production-readiness.ts).
 */
export const PUBLIC_ORIGINS = {
  /** Commerce as browsers and WeChat reach it: admin, store API, payment notify URLs, files. */
  commerce: {
    name: "COMMERCE_PUBLIC_URL",
    fallbackName: "MEDUSA_BACKEND_URL",
    development: "http://localhost:9000",
  },
  /** The shop: share links, poster QR codes, links in mails, texts and notifications. */
  storefront: {
    name: "STOREFRONT_PUBLIC_URL",
    fallbackName: "STOREFRONT_URL",
    development: "http://localhost:8000",
  },
  /** The CMS's public media and admin. */
  cms: { name: "CMS_PUBLIC_URL", fallbackName: undefined, development: "http://localhost:1337" },
} as const

export type PublicOriginService = keyof typeof PUBLIC_ORIGINS

/** The configured origin without a trailing slash, or undefined when none is set. */
export function configuredPublicOrigin(
  service: PublicOriginService,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  const { name, fallbackName } = PUBLIC_ORIGINS[service]
  const value = env[name]?.trim() || (fallbackName ? env[fallbackName]?.trim() : undefined)
  return value ? value.replace(/\/+$/, "") : undefined
}

/** The origin to build a public URL with: configured, or the development address outside production. */
export function publicOrigin(
  service: PublicOriginService,
  env: NodeJS.ProcessEnv = process.env
): string {
  const configured = configuredPublicOrigin(service, env)
  if (configured) return configured
  const { name, development } = PUBLIC_ORIGINS[service]
  if (env.NODE_ENV === "production") {
    throw new Error(`${name} is not set: production needs the public origin (see docs/deploy.md)`)
  }
  return development
}

/** Why a configured origin is unusable in production, or undefined when it is fine. */
export function publicOriginProblem(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return "is not a URL"
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "is not http(s)"
  if (url.pathname !== "/" || url.search || url.hash) return "must be an origin without a path"
  return undefined
}
