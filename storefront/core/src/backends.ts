import { createAffiliateEarningsClient } from "./affiliate/earnings-client"
import { createCmsClient, type CmsClientOptions } from "./cms/client"
import { createAppointmentsClient } from "./commerce/appointments-client"
import { createCheckoutClient } from "./commerce/checkout-client"
import { createCommerceClient } from "./commerce/client"
import { createHealthArchiveClient } from "./commerce/health-archive-client"
import { createArchiveAccessClient } from "./commerce/archive-access-client"
import { createInboxClient } from "./commerce/inbox-client"
import { createMemberClient } from "./commerce/member-client"
import { createOrderBusinessClient } from "./commerce/order-business-client"
import { createOrderTestMethodClient } from "./commerce/order-test-method-client"
import { createPromotionClient } from "./commerce/promotion-client"
import { createPasswordResetClient } from "./commerce/password-reset-client"
import type { CommerceClientOptions } from "./commerce/request"
import { createSearchClient } from "./commerce/search-client"
import { createWechatLoginClient } from "./commerce/wechat-login-client"
import { createWebPushClient } from "./commerce/web-push-client"
import { createOfficialAccountClient } from "./commerce/official-account-client"
import { createConstitutionClient } from "./constitution/constitution-client"
import { createEscortClient } from "./escort/escort-client"
import { createEscortAppClient } from "./escort/escort-app-client"
import { createConsultationClient } from "./consultation/consultation-client"
import { createDoctorAppClient } from "./consultation/doctor-app-client"
import { createDoctorLicenceClient } from "./consultation/doctor-licence-client"
import { createAssessmentClient } from "./assessment/assessment-client"
import {
  createDoctorGroupSessionClient,
  createGroupSessionClient,
} from "./group-session/group-session-client"

export type BackendOptions = {
  /** Medusa: its URL, the sales channel's publishable key and the app's fetch. */
  commerce: CommerceClientOptions
  cms: CmsClientOptions
}

/**
 * Every typed client a storefront talks to, wired once: each app passes only what differs
 * (its URLs and keys, and its fetch: Next's cache-aware one, or Taro.request in the
 * mini-program), so the two storefronts cannot drift apart in how they reach the back ends.
 */
export function createBackends({ commerce, cms }: BackendOptions) {
  return {
    commerce: createCommerceClient(commerce),
    member: createMemberClient(commerce),
    orders: createOrderBusinessClient(commerce),
    orderTestMethods: createOrderTestMethodClient(commerce),
    passwordReset: createPasswordResetClient(commerce),
    checkout: createCheckoutClient(commerce),
    promotions: createPromotionClient(commerce),
    healthArchive: createHealthArchiveClient(commerce),
    archiveAccess: createArchiveAccessClient(commerce),
    appointments: createAppointmentsClient(commerce),
    inbox: createInboxClient(commerce),
    webPush: createWebPushClient(commerce),
    officialAccount: createOfficialAccountClient(commerce),
    affiliateEarnings: createAffiliateEarningsClient(commerce),
    siteSearch: createSearchClient(commerce),
    constitution: createConstitutionClient(commerce),
    wechatLogin: createWechatLoginClient(commerce),
    escort: createEscortClient(commerce),
    escortApp: createEscortAppClient(commerce),
    consultations: createConsultationClient(commerce),
    doctorApp: createDoctorAppClient(commerce),
    doctorLicences: createDoctorLicenceClient(commerce),
    groupSessions: createGroupSessionClient(commerce),
    doctorGroupSessions: createDoctorGroupSessionClient(commerce),
    assessments: createAssessmentClient(commerce),
    cms: createCmsClient(cms),
  }
}

export type Backends = ReturnType<typeof createBackends>
