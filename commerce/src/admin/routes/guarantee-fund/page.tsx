import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { ESCORT_CASE_MESSAGES as M } from "../../components/escort-case/escort-case-messages"
import { GuaranteeFundPanel } from "../../components/escort-case/guarantee-fund-panel"

/** 平台保障金: the guarantee fund's balance and append-only ledger. */
const GuaranteeFundPage = () => (
  <Container className="flex flex-col gap-y-4 p-6">
    <div>
      <Heading level="h1">{M.fundTitle}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {M.fundIntro}
      </Text>
    </div>
    <GuaranteeFundPanel />
  </Container>
)

export const config = defineRouteConfig({ label: "平台保障金", icon: ShieldCheck })

export default GuaranteeFundPage
