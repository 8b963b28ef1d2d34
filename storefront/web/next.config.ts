import type { NextConfig } from "next"

const config: NextConfig = {
  transpilePackages: ["@health/core"],
  poweredByHeader: false,
  // Product and CMS images are plain <img>: no optimizer, no sharp, no network at build.
  images: { unoptimized: true },
}

export default config
