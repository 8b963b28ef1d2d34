export default defineAppConfig({
  pages: [
    "pages/index/index",
    "pages/products/index",
    "pages/product/index",
    "pages/cart/index",
    "pages/account/index",
    "pages/login/index",
  ],
  // Everything past the storefront loads on demand, keeping the main package small.
  subPackages: [
    { root: "packages/shop", pages: ["checkout/index", "orders/index"] },
    { root: "packages/affiliate", pages: ["center/index", "poster/index", "withdraw/index"] },
    {
      root: "packages/health",
      pages: [
        "activate/index",
        "reports/index",
        "appointments/index",
        "constitution/index",
        "constitution-report/index",
        "uploads/index",
        "consents/index",
        "access-log/index",
        "archive-data/index",
        "clinic/index",
        "constitution-history/index",
      ],
    },
    {
      root: "packages/content",
      pages: [
        "articles/index",
        "article/index",
        "sites/index",
        "search/index",
        "tag/index",
        "privacy/index",
      ],
    },
    {
      root: "packages/member",
      pages: ["inbox/index", "profile/index", "consultation-video/index", "password/index"],
    },
    // 收货地址: the member's Medusa addresses, the same book the web shows.
    { root: "packages/addresses", pages: ["list/index", "edit/index"] },
    {
      root: "packages/consult",
      pages: ["doctors/index", "doctor/index", "list/index", "detail/index"],
    },
    { root: "packages/escort", pages: ["book/index", "list/index", "detail/index"] },
    { root: "packages/assessment", pages: ["list/index", "detail/index"] },
    { root: "packages/group-session", pages: ["list/index", "room/index"] },
    // 专题页 editors build in the CMS (the web's /landing/[slug]).
    { root: "packages/landing", pages: ["index"] },
    // 医生端: the doctor's income, 绑定微信 and 确认收款 of WeChat transfers (the web keeps the
    // 在线诊室).
    { root: "packages/doctor-app", pages: ["login/index", "income/index"] },
    {
      root: "packages/escort-app",
      pages: [
        "login/index",
        "tasks/index",
        "task/index",
        "schedule/index",
        "income/index",
        "messages/index",
        "report/index",
        "apply/index",
        "training/index",
        "training-course/index",
        "training-exam/index",
      ],
    },
  ],
  window: {
    backgroundTextStyle: "light",
    navigationBarBackgroundColor: "#0f766e",
    navigationBarTitleText: "健康服务平台",
    navigationBarTextStyle: "white",
  },
  tabBar: {
    color: "#6b7280",
    selectedColor: "#0f766e",
    backgroundColor: "#ffffff",
    list: [
      { pagePath: "pages/index/index", text: "首页" },
      { pagePath: "pages/products/index", text: "分类" },
      { pagePath: "pages/cart/index", text: "购物车" },
      { pagePath: "pages/account/index", text: "我的" },
    ],
  },
  permission: {
    // Asked only when the member taps 附近的采集点, or when an escort records a step's place.
    // WeChat caps the text at 30 characters.
    "scope.userLocation": { desc: "您点击“附近的采集点”时按距离排列采集点，及陪诊员报备进度" },
  },
  // WeChat requires declaring the location APIs used (陪诊 steps and 报备, 采集点 search).
  requiredPrivateInfos: ["getLocation", "chooseLocation"],
})
