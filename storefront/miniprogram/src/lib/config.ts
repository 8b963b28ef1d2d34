/** Back-end addresses baked in at build time (config/build-env.ts). */
export const appConfig = {
  commerceUrl: process.env.TARO_APP_COMMERCE_URL,
  publishableKey: process.env.TARO_APP_PUBLISHABLE_KEY,
  cmsUrl: process.env.TARO_APP_CMS_URL,
  cmsToken: process.env.TARO_APP_CMS_TOKEN || undefined,
  webUrl: process.env.TARO_APP_WEB_URL,
}

/** Read at call time: a build replaces TARO_ENV with its platform, tests switch it. */
export const isWeapp = () => process.env.TARO_ENV === "weapp"
