import { Button } from "@tarojs/components"
import { wechatKfContext, type WechatKfPage } from "@health/core"

/**
 * 联系客服: WeChat's own customer-service button; the agent receives the page's context
 * (sessionFrom) and the member can send this page as a card (sendMessage*).
 */
export function WechatKfButton({ page }: { page: WechatKfPage }) {
  const context = wechatKfContext(page)
  return (
    <Button
      size="mini"
      openType="contact"
      sessionFrom={context.sessionFrom}
      sendMessageTitle={context.sendMessageTitle}
      sendMessagePath={context.sendMessagePath}
      showMessageCard
      data-testid="wechat-kf-button"
      onClick={(event) => event.stopPropagation()}
    >
      联系客服
    </Button>
  )
}
