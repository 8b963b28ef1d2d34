const ROOT = "/packages/doctor-app"

/** The doctor's pages in the mini-program: 医生登录 and 我的收入 (the web keeps the 在线诊室). */
export const doctorRoutes = {
  login: (next?: string) =>
    next ? `${ROOT}/login/index?next=${encodeURIComponent(next)}` : `${ROOT}/login/index`,
  income: `${ROOT}/income/index`,
}
