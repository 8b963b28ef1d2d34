import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MapPin } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { DispatchAlertsPanel } from "../../components/escort-dispatch/dispatch-alerts-panel"
import { DispatchBoardPanel } from "../../components/escort-dispatch/dispatch-board-panel"
import { DISPATCH_MESSAGES as M } from "../../components/escort-dispatch/dispatch-messages"
import { DispatchSettingsPanel } from "../../components/escort-dispatch/dispatch-settings-panel"
import { EscortsSchedulesPanel } from "../../components/escort-dispatch/escorts-schedules-panel"
import { HospitalsPanel } from "../../components/escort-dispatch/hospitals-panel"

/** 陪诊调度: the dispatch board, alerts, escorts and schedules, city settings, hospitals. */
const EscortDispatchPage = () => (
  <Container className="flex flex-col gap-y-4 p-6">
    <div>
      <Heading level="h1">{M.title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {M.intro}
      </Text>
    </div>
    <Tabs defaultValue="board">
      <Tabs.List>
        {Object.entries(M.tabs).map(([value, label]) => (
          <Tabs.Trigger key={value} value={value}>
            {label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <div className="pt-4">
        <Tabs.Content value="board">
          <DispatchBoardPanel />
        </Tabs.Content>
        <Tabs.Content value="alerts">
          <DispatchAlertsPanel />
        </Tabs.Content>
        <Tabs.Content value="escorts">
          <EscortsSchedulesPanel />
        </Tabs.Content>
        <Tabs.Content value="settings">
          <DispatchSettingsPanel />
        </Tabs.Content>
        <Tabs.Content value="hospitals">
          <HospitalsPanel />
        </Tabs.Content>
      </div>
    </Tabs>
  </Container>
)

export const config = defineRouteConfig({ label: "陪诊调度", icon: MapPin })

export default EscortDispatchPage
