type RuntimeConfig = Partial<{
  commerceUrl: string
  publishableKey: string
  cmsUrl: string
  cmsToken: string
  webUrl: string
}>

/**
 * The H5 build may be told its back ends when it is served (scripts/serve-h5.mjs writes
 * /runtime-config.js), so one build serves any deployment; the mini-program's are baked in.
 */
const served: RuntimeConfig =
  process.env.TARO_ENV === "h5" && typeof window !== "undefined"
    ? ((window as { __HEALTH_CONFIG__?: RuntimeConfig }).__HEALTH_CONFIG__ ?? {})
    : {}

/** Back-end addresses: at serve time for H5, else baked in at build time (config/build-env.ts). */
export const appConfig = {
  commerceUrl: served.commerceUrl || process.env.TARO_APP_COMMERCE_URL,
  publishableKey: served.publishableKey || process.env.TARO_APP_PUBLISHABLE_KEY,
  cmsUrl: served.cmsUrl || process.env.TARO_APP_CMS_URL,
  cmsToken: served.cmsToken || process.env.TARO_APP_CMS_TOKEN || undefined,
  webUrl: served.webUrl || process.env.TARO_APP_WEB_URL,
}

/** Read at call time: a build replaces TARO_ENV with its platform, tests switch it. */
export const isWeapp = () => process.env.TARO_ENV === "weapp"
