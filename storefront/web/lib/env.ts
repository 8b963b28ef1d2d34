import { OFFLINE_PAYMENT_NOTE } from "@health/core/commerce/offline-payment"

/** Server-side settings, read at run time (never inlined at build), with development defaults. */
export const env = {
  medusaUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  /** Empty: read from commerce at run time (lib/publishable-key.ts). */
  publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY || "",
  cmsUrl: process.env.CMS_URL || "http://localhost:1337",
  cmsPublicUrl: process.env.CMS_PUBLIC_URL || process.env.CMS_URL || "http://localhost:1337",
  /** The CMS seed's development token outside production only: it is printed in this repo. */
  cmsToken:
    process.env.CMS_API_TOKEN ||
    (process.env.NODE_ENV === "production" ? "" : "dev-storefront-read-token-0123456789abcdef"),
  /** Empty when unset: then no revalidation call is believed (no published default). */
  revalidateSecret: process.env.REVALIDATE_SECRET?.trim() || "",
  /**
   * A TrueType font with Chinese glyphs for the 体质辨识 report PDF (Debian's
   * fonts-droid-fallback by default; a .ttc collection or CFF outlines will not do).
   */
  reportCjkFont:
    process.env.REPORT_CJK_FONT || "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  /** Where offline (岳阳) payments go: the company's bank account, set by the operator. */
  offlinePaymentNote: process.env.OFFLINE_PAYMENT_NOTE || OFFLINE_PAYMENT_NOTE,
  /** 微信客服's customer link (https://work.weixin.qq.com/kfid/…); empty hides the contact button. */
  wechatKfUrl: process.env.WECHAT_KF_URL?.trim() || "",
}
