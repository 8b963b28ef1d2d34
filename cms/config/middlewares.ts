/**
 * Browsers may call the CMS from the shop and from the CMS's own admin only (a comma
 * list in CMS_CORS_ORIGINS). No `strapi::poweredBy`: the server does not name itself.
 */
export default ({ env }) => [
  "strapi::logger",
  "strapi::errors",
  "strapi::security",
  {
    name: "strapi::cors",
    config: {
      origin: env.array("CMS_CORS_ORIGINS", [
        "http://localhost:8000",
        env("CMS_PUBLIC_URL", "http://localhost:1337"),
      ]),
    },
  },
  "strapi::query",
  "strapi::body",
  "strapi::session",
  "strapi::favicon",
  "strapi::public",
]
