import Taro from "@tarojs/taro"
import { siteCoordinates, type CollectionSite } from "@health/core"
import { isWeapp } from "./config"

// Sites pages and tests import it from here with the map helpers.
export { siteCoordinates }

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
