import type { NextConfig } from "next"
import { STATIC_FILE_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security-headers"

const config: NextConfig = {
  transpilePackages: ["@health/core"],
  poweredByHeader: false,
  // The report PDF's libraries and the poster's renderer (a native addon) run as they are in
  // Node, not bundled.
  serverExternalPackages: ["pdf-lib", "@pdf-lib/fontkit", "@resvg/resvg-js", "satori"],
  // Product and CMS images are plain <img>: no optimizer, no sharp, no network at build.
  images: { unoptimized: true },
  // Pages and routes get theirs (with the per-request CSP) from proxy.ts, which skips these.
  async headers() {
    const headers = Object.entries({
      ...STATIC_SECURITY_HEADERS,
      "Content-Security-Policy": STATIC_FILE_POLICY,
    }).map(([key, value]) => ({ key, value }))
    return [
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
      { source: "/favicon.ico", headers },
    ]
  },
}

export default config
