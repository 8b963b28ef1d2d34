import {
  createAffiliateEarningsClient,
  createAppointmentsClient,
  createCheckoutClient,
  createCmsClient,
  createCommerceClient,
  createHealthArchiveClient,
  createInboxClient,
  createMemberClient,
} from "@health/core"
import { createWechatLoginClient } from "@health/core/commerce/wechat-login-client"
import { createConstitutionClient } from "@health/core/constitution/index"
import { appConfig } from "./config"
import { taroFetch } from "./taro-fetch"

const commerceOptions = {
  baseUrl: appConfig.commerceUrl,
  publishableKey: appConfig.publishableKey,
  fetch: taroFetch,
}

/** The same typed clients the web uses, on Taro.request. */
export const commerce = createCommerceClient(commerceOptions)
export const member = createMemberClient(commerceOptions)
export const checkout = createCheckoutClient(commerceOptions)
export const healthArchive = createHealthArchiveClient(commerceOptions)
export const appointments = createAppointmentsClient(commerceOptions)
export const inbox = createInboxClient(commerceOptions)
export const affiliateEarnings = createAffiliateEarningsClient(commerceOptions)
export const constitution = createConstitutionClient(commerceOptions)
export const cms = createCmsClient({
  baseUrl: appConfig.cmsUrl,
  token: appConfig.cmsToken,
  fetch: taroFetch,
})
export const wechatLogin = createWechatLoginClient(commerceOptions)
