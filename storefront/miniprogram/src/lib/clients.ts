import { createBackends } from "@health/core"
import { appConfig } from "./config"
import { taroFetch } from "./taro-fetch"

/** The same typed clients the web uses (@health/core's createBackends), on Taro.request. */
export const {
  commerce,
  member,
  orders,
  orderTestMethods,
  passwordReset,
  checkout,
  promotions,
  healthArchive,
  archiveAccess,
  appointments,
  inbox,
  affiliateEarnings,
  siteSearch,
  constitution,
  wechatLogin,
  escort,
  consultations,
  groupSessions,
  assessments,
  cms,
} = createBackends({
  commerce: {
    baseUrl: appConfig.commerceUrl,
    publishableKey: appConfig.publishableKey,
    fetch: taroFetch,
    // A WeChat surface: commerce lists only products flagged 发布到微官网.
    channel: "miniprogram",
  },
  cms: { baseUrl: appConfig.cmsUrl, token: appConfig.cmsToken, fetch: taroFetch },
})
