import Taro from "@tarojs/taro"

/** Tab pages can only be reached with switchTab. */
const TAB_PAGES = [
  "/pages/index/index",
  "/pages/products/index",
  "/pages/cart/index",
  "/pages/account/index",
]

export function go(url: string) {
  const path = url.split("?")[0]
  if (TAB_PAGES.includes(path)) return Taro.switchTab({ url: path })
  return Taro.navigateTo({ url })
}

export const routes = {
  home: "/pages/index/index",
  products: (categoryId?: string) =>
    categoryId ? `/pages/products/index?category=${categoryId}` : "/pages/products/index",
  product: (handle: string) => `/pages/product/index?handle=${encodeURIComponent(handle)}`,
  cart: "/pages/cart/index",
  account: "/pages/account/index",
  login: (next?: string) =>
    next ? `/pages/login/index?next=${encodeURIComponent(next)}` : "/pages/login/index",
  checkout: "/packages/shop/checkout/index",
  orders: "/packages/shop/orders/index",
  affiliate: "/packages/affiliate/center/index",
  poster: "/packages/affiliate/poster/index",
  withdraw: "/packages/affiliate/withdraw/index",
  kitActivate: "/packages/health/activate/index",
  reports: "/packages/health/reports/index",
  appointments: "/packages/health/appointments/index",
  constitutionTest: "/packages/health/constitution/index",
  constitutionReport: (id: string) => `/packages/health/constitution-report/index?id=${id}`,
  articles: "/packages/content/articles/index",
  article: (slug: string) => `/packages/content/article/index?slug=${encodeURIComponent(slug)}`,
  sites: "/packages/content/sites/index",
  search: (q?: string) =>
    q
      ? `/packages/content/search/index?q=${encodeURIComponent(q)}`
      : "/packages/content/search/index",
  uploads: "/packages/health/uploads/index",
  consents: "/packages/health/consents/index",
  accessLog: "/packages/health/access-log/index",
  archiveData: "/packages/health/archive-data/index",
  clinicSessions: "/packages/health/clinic/index",
  constitutionHistory: "/packages/health/constitution-history/index",
  /** A 专题页 from the CMS (the web's /landing/[slug]). */
  landing: (slug: string) => `/packages/landing/index?slug=${encodeURIComponent(slug)}`,
  tag: (slug: string) => `/packages/content/tag/index?slug=${encodeURIComponent(slug)}`,
  privacy: "/packages/content/privacy/index",
  /** A legal or consent text from the CMS (the web's /pages/[slug]). */
  legalPage: (slug: string) => `/packages/content/privacy/index?slug=${encodeURIComponent(slug)}`,
  inbox: "/packages/member/inbox/index",
  profile: "/packages/member/profile/index",
  password: "/packages/member/password/index",
  /** The address book (the web's /account/addresses). */
  addresses: "/packages/addresses/list/index",
  /** A new address, or the one named by `id`. */
  addressForm: (id?: string) =>
    id
      ? `/packages/addresses/edit/index?id=${encodeURIComponent(id)}`
      : "/packages/addresses/edit/index",
  /** 医生入口: the doctor's own sign-in (packages/doctor-app). */
  doctorLogin: "/packages/doctor-app/login/index",
  escortBook: (serviceId?: string) =>
    serviceId
      ? `/packages/escort/book/index?service=${encodeURIComponent(serviceId)}`
      : "/packages/escort/book/index",
  escortBookings: "/packages/escort/list/index",
  escortBooking: (id: string) => `/packages/escort/detail/index?id=${encodeURIComponent(id)}`,
  consultDoctors: "/packages/consult/doctors/index",
  consultDoctor: (id: string) => `/packages/consult/doctor/index?id=${encodeURIComponent(id)}`,
  consultations: "/packages/consult/list/index",
  consultation: (id: string, asked = false) =>
    `/packages/consult/detail/index?id=${encodeURIComponent(id)}${asked ? "&asked=1" : ""}`,
  consultationVideo: (id: string) =>
    `/packages/member/consultation-video/index?id=${encodeURIComponent(id)}`,
  assessments: "/packages/assessment/list/index",
  assessment: (id: string) => `/packages/assessment/detail/index?id=${encodeURIComponent(id)}`,
  groupSessions: "/packages/group-session/list/index",
  groupSession: (id: string) => `/packages/group-session/room/index?id=${encodeURIComponent(id)}`,
}
