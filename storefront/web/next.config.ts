import path from "node:path"
import type { NextConfig } from "next"
import {
  INLINE_FILE_POLICY,
  ROUTE_POLICY,
  STATIC_FILE_POLICY,
  STATIC_SECURITY_HEADERS,
} from "./lib/security-headers"

const withPolicy = (policy: string) =>
  Object.entries({ ...STATIC_SECURITY_HEADERS, "Content-Security-Policy": policy }).map(
    ([key, value]) => ({ key, value })
  )

/**
 * Several web servers share one cache in Redis (scripts/lib/cluster.mjs, docker-compose's
 * replicas), so a revalidation reaches all of them; without a Redis URL (npm start) Next keeps
 * its own cache. Read when the server starts, not when it is built.
 */
const sharedCache: NextConfig =
  process.env.NEXT_CACHE_REDIS_URL || process.env.REDIS_URL
    ? { cacheHandler: path.join(__dirname, "cache-handler.cjs"), cacheMaxMemorySize: 0 }
    : {}

const config: NextConfig = {
  ...sharedCache,
  transpilePackages: ["@health/core"],
  poweredByHeader: false,
  // npm test typechecks the web in a stage of its own first (scripts/typecheck.mjs) and says so;
  // every other build, the images' included, checks types here.
  typescript: { ignoreBuildErrors: process.env.HEALTH_WEB_TYPECHECKED === "1" },
  // The report PDF's libraries and the poster's renderer (a native addon) run as they are in
  // Node, not bundled.
  serverExternalPackages: ["pdf-lib", "@pdf-lib/fontkit", "@resvg/resvg-js", "satori"],
  // Product and CMS images are plain <img>: no optimizer, no sharp, no network at build.
  images: { unoptimized: true },
  /**
   * Pages get their headers, with a per-request nonce, from proxy.ts. These paths skip it:
   * built files, and the /api routes, which render no script (so need no nonce) and take
   * uploads that the proxy would cut at its 10 MB body limit. A later entry wins.
   */
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: withPolicy(STATIC_FILE_POLICY) },
      { source: "/_next/image", headers: withPolicy(STATIC_FILE_POLICY) },
      { source: "/favicon.ico", headers: withPolicy(STATIC_FILE_POLICY) },
      { source: "/api/:path*", headers: withPolicy(ROUTE_POLICY) },
      { source: "/api/health-archive/reports/:id/file", headers: withPolicy(INLINE_FILE_POLICY) },
      { source: "/api/health-archive/uploads/:id/file", headers: withPolicy(INLINE_FILE_POLICY) },
    ]
  },
}

export default config
