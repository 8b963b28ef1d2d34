import { isKnownDemoSecret, MIN_SECRET_LENGTH } from "./known-demo-secrets"
import {
  configuredPublicOrigin,
  PUBLIC_ORIGINS,
  publicOriginProblem,
  type PublicOriginService,
} from "./public-origins"

/** Secrets production must have, each its own (README's "Trust model"). */
export const REQUIRED_SECRETS = [
  "JWT_SECRET",
  "COOKIE_SECRET",
  "HEALTH_DATA_KEYS",
  "ORDER_ACCESS_SECRET",
  "WEB_FORWARD_SECRET",
  "REVALIDATE_SECRET",
  "CMS_WEBHOOK_SECRET",
  "CMS_API_TOKEN",
] as const

/** Public origins commerce builds links with (admin, notify URLs, share links, mails). */
const REQUIRED_ORIGINS: PublicOriginService[] = ["commerce", "storefront"]

/**
 * Everything that keeps this environment from running as production, every item at once.
 * SMS_PROVIDER must name a real gateway; the log sender (codes in the log) only with the
 * explicit escape hatch SMS_PROVIDER=log plus ALLOW_LOG_SMS=1, for test stacks.
 */
export function productionReadinessProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = []
  for (const name of REQUIRED_SECRETS) {
    const value = env[name]?.trim()
    if (!value) problems.push(`${name} is not set`)
    else if (isKnownDemoSecret(value)) problems.push(`${name} is a published demo value`)
    else if (name !== "HEALTH_DATA_KEYS" && value.length < MIN_SECRET_LENGTH) {
      problems.push(`${name} is shorter than ${MIN_SECRET_LENGTH} characters`)
    }
  }
  for (const service of REQUIRED_ORIGINS) {
    const { name, fallbackName } = PUBLIC_ORIGINS[service]
    const value = configuredPublicOrigin(service, env)
    if (!value) {
      problems.push(`${name} is not set${fallbackName ? ` (nor ${fallbackName})` : ""}`)
      continue
    }
    const problem = publicOriginProblem(value)
    if (problem) problems.push(`${name} ${problem}: ${value}`)
  }
  problems.push(...smsProblems(env))
  return problems
}

function smsProblems(env: NodeJS.ProcessEnv): string[] {
  const provider = env.SMS_PROVIDER?.trim()
  if (!provider) {
    return [
      "SMS_PROVIDER is not set (aliyun; the log sender needs SMS_PROVIDER=log and ALLOW_LOG_SMS=1)",
    ]
  }
  if (provider === "log") {
    return env.ALLOW_LOG_SMS?.trim() === "1"
      ? []
      : [
          "SMS_PROVIDER=log writes sign-in codes into the log: set ALLOW_LOG_SMS=1 only on a test stack",
        ]
  }
  if (provider !== "aliyun") return [`SMS_PROVIDER "${provider}" is not supported (use aliyun)`]
  const aliyun = [
    "SMS_ALIYUN_ACCESS_KEY_ID",
    "SMS_ALIYUN_ACCESS_KEY_SECRET",
    "SMS_ALIYUN_SIGN_NAME",
    "SMS_ALIYUN_TEMPLATE_AUTH_CODE",
  ]
  return aliyun.filter((name) => !env[name]?.trim()).map((name) => `${name} is not set`)
}

/**
 * Run from medusa-config.ts: with NODE_ENV=production, one error listing every problem, so
 * an operator fixes them in one go instead of one restart each.
 */
export function assertProductionReady(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== "production") return
  const problems = productionReadinessProblems(env)
  if (!problems.length) return
  throw new Error(
    `Commerce refuses to start in production (${problems.length} problem${problems.length > 1 ? "s" : ""}, see docs/deploy.md):\n` +
      problems.map((problem) => `  - ${problem}`).join("\n")
  )
}
