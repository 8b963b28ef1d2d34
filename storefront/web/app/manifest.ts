import { messages } from "@health/core"
import type { MetadataRoute } from "next"
import { BACKGROUND_COLOR, THEME_COLOR } from "@/lib/pwa/app-colors"

/**
 * The web app manifest (/manifest.webmanifest): what makes the shop installable as an app
 * (APP端) on phones and desktops. Icons: app/icon1.png and app/icon2.png as they are, and
 * public/icons/maskable-*.png (public/icons/maskable.svg, the mark inside the safe zone)
 * for launchers that crop icons to a circle or squircle.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: messages.brand,
    short_name: messages.pwa.shortName,
    description: messages.pwa.appDescription,
    lang: "zh-CN",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    categories: ["health", "medical", "shopping"],
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon1.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon2.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: messages.account.inbox, url: "/account/inbox" },
      { name: messages.account.health, url: "/account/health?tab=reports" },
    ],
  }
}
