import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { MassSendPanel } from "../../components/official-account/mass-send-panel"
import { MenuPanel } from "../../components/official-account/menu-panel"
import { OFFICIAL_ACCOUNT_MESSAGES as M } from "../../components/official-account/official-account-messages"
import { ReplyRulesPanel } from "../../components/official-account/reply-rules-panel"
import { TemplateSendsPanel } from "../../components/official-account/template-sends-panel"

/** 公众号: automatic replies, the custom menu, 群发 and the template-message log. */
const OfficialAccountPage = () => (
  <div className="flex flex-col gap-y-4">
    <Container className="flex flex-col gap-y-2">
      <Heading level="h1">{M.title}</Heading>
      <Text className="text-ui-fg-subtle">{M.intro}</Text>
    </Container>
    <Container className="flex flex-col gap-y-3">
      <Heading level="h2">自动回复</Heading>
      <ReplyRulesPanel />
    </Container>
    <Container className="flex flex-col gap-y-3">
      <Heading level="h2">自定义菜单</Heading>
      <MenuPanel />
    </Container>
    <Container className="flex flex-col gap-y-3">
      <Heading level="h2">群发</Heading>
      <MassSendPanel />
    </Container>
    <Container className="flex flex-col gap-y-3">
      <Heading level="h2">模板消息记录</Heading>
      <TemplateSendsPanel />
    </Container>
  </div>
)

export const config = defineRouteConfig({ label: M.title, icon: ChatBubbleLeftRight })

export default OfficialAccountPage
