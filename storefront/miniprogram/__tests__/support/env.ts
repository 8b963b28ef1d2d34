// What config/build-env.ts bakes into a build.
process.env.TARO_ENV = process.env.TARO_ENV || "h5"
process.env.TARO_APP_COMMERCE_URL = "http://commerce.test"
process.env.TARO_APP_PUBLISHABLE_KEY = "pk_test"
process.env.TARO_APP_CMS_URL = "http://cms.test"
process.env.TARO_APP_CMS_TOKEN = ""
process.env.TARO_APP_WEB_URL = "http://web.test"

// jsdom, like the mini-program runtime, has no AbortSignal.timeout: give it what the weapp
// build provides (config/index.ts).
const { MiniAbortSignal } = require("../../src/lib/abort-signal")
if (typeof AbortSignal.timeout !== "function")
  (AbortSignal as unknown as { timeout: unknown }).timeout = MiniAbortSignal.timeout
