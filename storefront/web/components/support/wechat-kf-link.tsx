import { wechatKfLink, type WechatKfPage } from "@health/core"
import { env } from "@/lib/env"

/**
 * 联系微信客服: opens the configured 微信客服 (WECHAT_KF_URL) with what the member is looking
 * at; nothing is shown when no 微信客服 is configured.
 */
export function WechatKfLink({ page }: { page: WechatKfPage }) {
  const href = wechatKfLink(env.wechatKfUrl, page)
  if (!href) return null
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="button small"
      data-testid="wechat-kf-link"
    >
      联系微信客服
    </a>
  )
}
