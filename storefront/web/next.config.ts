import type { NextConfig } from "next"

const config: NextConfig = {
  transpilePackages: ["@health/core"],
  poweredByHeader: false,
  // The report PDF's libraries and the poster's renderer (a native addon) run as they are in
  // Node, not bundled.
  serverExternalPackages: ["pdf-lib", "@pdf-lib/fontkit", "@resvg/resvg-js", "satori"],
  // Product and CMS images are plain <img>: no optimizer, no sharp, no network at build.
  images: { unoptimized: true },
}

export default config
