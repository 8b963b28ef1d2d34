export default [
  "strapi::logger",
  "strapi::errors",
  "strapi::security",
  "strapi::cors",
  "strapi::poweredBy",
  "strapi::query",
  // Drafts stay in the admin: the content API ignores ?status=draft.
  "global::published-only",
  "strapi::body",
  "strapi::session",
  "strapi::favicon",
  "strapi::public",
]
