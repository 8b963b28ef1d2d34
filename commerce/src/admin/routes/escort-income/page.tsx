import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { EscortDisputesPanel } from "../../components/escort-income/escort-disputes-panel"
import { EscortEarningsPanel } from "../../components/escort-income/escort-earnings-panel"
import { ESCORT_INCOME_MESSAGES as M } from "../../components/escort-income/escort-income-messages"
import { EscortIncomeSettingsForm } from "../../components/escort-income/escort-income-settings-form"
import { EscortWithdrawalsPanel } from "../../components/escort-income/escort-withdrawals-panel"

/** 陪诊结算: escort earnings, disputes, withdrawals and the settlement settings. */
const EscortIncomePage = () => (
  <Container className="flex flex-col gap-y-4 p-6">
    <div>
      <Heading level="h1">{M.title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {M.intro}
      </Text>
    </div>
    <Tabs defaultValue="earnings">
      <Tabs.List>
        {Object.entries(M.tabs).map(([value, label]) => (
          <Tabs.Trigger key={value} value={value}>
            {label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <div className="pt-4">
        <Tabs.Content value="earnings">
          <EscortEarningsPanel />
        </Tabs.Content>
        <Tabs.Content value="disputes">
          <EscortDisputesPanel />
        </Tabs.Content>
        <Tabs.Content value="withdrawals">
          <EscortWithdrawalsPanel />
        </Tabs.Content>
        <Tabs.Content value="settings">
          <EscortIncomeSettingsForm />
        </Tabs.Content>
      </div>
    </Tabs>
  </Container>
)

export const config = defineRouteConfig({ label: "陪诊结算", icon: CurrencyDollar })

export default EscortIncomePage
