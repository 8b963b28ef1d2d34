/** Server-side settings, read at run time (never inlined at build), with development defaults. */
export const env = {
  medusaUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY || "",
  cmsUrl: process.env.CMS_URL || "http://localhost:1337",
  cmsPublicUrl: process.env.CMS_PUBLIC_URL || process.env.CMS_URL || "http://localhost:1337",
  cmsToken: process.env.CMS_API_TOKEN || "dev-storefront-read-token-0123456789abcdef",
  revalidateSecret: process.env.REVALIDATE_SECRET || "dev-revalidate-secret",
}
