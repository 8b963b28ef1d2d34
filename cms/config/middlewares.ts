import { mediaOrigin } from "../src/storage/object-storage"

/**
 * Browsers may call the CMS from the shop and from the CMS's own admin only (a comma
 * list in CMS_CORS_ORIGINS). No `strapi::poweredBy`: the server does not name itself.
 */
export default ({ env }) => {
  // With media in object storage the admin shows pictures and video from the bucket's origin.
  const origin = mediaOrigin()
  const media = origin ? [origin] : []
  return [
    "strapi::logger",
    "strapi::errors",
    {
      name: "strapi::security",
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            // Strapi's defaults, and the media origin.
            "connect-src": ["'self'", "https:"],
            "img-src": ["'self'", "data:", "blob:", "https://market-assets.strapi.io", ...media],
            "media-src": ["'self'", "data:", "blob:", ...media],
            upgradeInsecureRequests: null,
          },
        },
      },
    },
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
}
