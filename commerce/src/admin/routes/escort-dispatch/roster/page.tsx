import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { DutyRosterPanel } from "../../../components/escort-duty-roster/duty-roster-panel"
import { DUTY_ROSTER_MESSAGES as M } from "../../../components/escort-duty-roster/duty-roster-rows"

/** 陪诊值班表 (under 陪诊调度): who gets the anomaly SMS when. */
const EscortDutyRosterPage = () => (
  <Container className="flex flex-col gap-y-4 p-6">
    <div>
      <Heading level="h1">{M.title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {M.intro}
      </Text>
    </div>
    <DutyRosterPanel />
  </Container>
)

export const config = defineRouteConfig({ label: "值班表" })

export default EscortDutyRosterPage
