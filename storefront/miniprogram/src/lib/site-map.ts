import Taro from "@tarojs/taro"
import type { CollectionSite } from "@health/core"
import { isWeapp } from "./config"

/** A site's coordinates as numbers, or null when the CMS has none (or nonsense). */
export function siteCoordinates(site: Pick<CollectionSite, "latitude" | "longitude">) {
  const latitude = Number(site.latitude)
  const longitude = Number(site.longitude)
  if (
    !site.latitude ||
    !site.longitude ||
    !Number.isFinite(latitude) ||
    !Number.isFinite(longitude)
  )
    return null
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return { latitude, longitude }
}

/**
 * Tencent Maps' marker page for a site. The CMS keeps GCJ-02 coordinates, which is what
 * Tencent Maps (and WeChat's openLocation) use in China.
 */
export function tencentMapUrl(site: CollectionSite): string | null {
  const at = siteCoordinates(site)
  if (!at) return null
  const marker = `coord:${at.latitude},${at.longitude};title:${site.name};addr:${site.address}`
  return `https://apis.map.qq.com/uri/v1/marker?marker=${encodeURIComponent(marker)}&referer=${encodeURIComponent("健康服务平台")}`
}

/** In WeChat: its own map (openLocation); in a browser: Tencent Maps' page. */
export async function openSiteMap(site: CollectionSite): Promise<void> {
  const at = siteCoordinates(site)
  if (!at) return
  if (isWeapp()) {
    await Taro.openLocation({ ...at, name: site.name, address: site.address, scale: 16 })
    return
  }
  const url = tencentMapUrl(site)
  if (url) window.open(url, "_blank")
}
