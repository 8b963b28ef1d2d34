import Taro from "@tarojs/taro"
import { safeUrl } from "@health/core/cms/rich-text"
import { go } from "../../lib/navigate"
import { webLinkRoute } from "../../lib/web-link-route"

/**
 * Follows a link an editor wrote for the web: its mini-program page when there is one; an
 * outside address goes to the clipboard (mini-programs cannot open outside pages); an unsafe
 * one (javascript:, data:) does nothing.
 */
export function openLandingLink(href: string | null | undefined) {
  const url = href ? safeUrl(href) : null
  if (!url) return undefined
  const route = webLinkRoute(url)
  if (route) return go(route)
  return Taro.setClipboardData({ data: url }).then(() =>
    Taro.showToast({ title: "链接已复制，可在浏览器中打开", icon: "none" })
  )
}
