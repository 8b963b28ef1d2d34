import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { MODERATION_MESSAGES as M } from "../../components/moderation/moderation-messages"
import { ModerationQueuePanel } from "../../components/moderation/moderation-queue-panel"
import { ModerationWordsPanel } from "../../components/moderation/moderation-words-panel"

/** 内容审核: the moderation queue, what was decided, and the sensitive-word list. */
const ModerationPage = () => (
  <Container className="flex flex-col gap-y-4 p-6">
    <div>
      <Heading level="h1">{M.title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {M.intro}
      </Text>
    </div>
    <Tabs defaultValue="queue">
      <Tabs.List>
        {Object.entries(M.tabs).map(([value, label]) => (
          <Tabs.Trigger key={value} value={value}>
            {label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <div className="pt-4">
        <Tabs.Content value="queue">
          <ModerationQueuePanel status="pending" />
        </Tabs.Content>
        <Tabs.Content value="decided">
          <ModerationQueuePanel status="all" />
        </Tabs.Content>
        <Tabs.Content value="words">
          <ModerationWordsPanel />
        </Tabs.Content>
      </div>
    </Tabs>
  </Container>
)

export const config = defineRouteConfig({ label: "内容审核", icon: ShieldCheck })

export default ModerationPage
