import type { StrapiApp } from "@strapi/strapi/admin"

export default {
  config: {
    // Marketers and editors work in Simplified Chinese ("zh" would be Traditional).
    locales: ["zh-Hans"],
  },
  bootstrap(_app: StrapiApp) {},
}
