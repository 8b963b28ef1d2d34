/**
 * Back-end addresses baked into the build. Taro only reads TARO_APP_* from .env files, so the
 * shell's values (set by the test stack and CI) are passed on here.
 */
const DEFAULTS = {
  TARO_APP_COMMERCE_URL: "http://localhost:9000",
  TARO_APP_PUBLISHABLE_KEY: "",
  TARO_APP_CMS_URL: "http://localhost:1337",
  TARO_APP_CMS_TOKEN: "",
  /** Where a shared link points for people outside WeChat (the web's /r/<code>). */
  TARO_APP_WEB_URL: "http://localhost:8000",
}

export function buildEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, fallback] of Object.entries(DEFAULTS))
    env[key] = JSON.stringify(process.env[key] ?? fallback)
  return env
}
