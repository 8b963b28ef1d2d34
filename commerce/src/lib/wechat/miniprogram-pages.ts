/**
 * Pages of our WeChat mini-program that subscribe messages open (storefront/miniprogram's
 * app.config.ts; a test checks they exist there).
 */
export const MINIPROGRAM_PAGES = {
  home: "pages/index/index",
  article: "packages/content/article/index",
  /** Each kit with its progress and report. */
  kits: "packages/health/reports/index",
} as const
