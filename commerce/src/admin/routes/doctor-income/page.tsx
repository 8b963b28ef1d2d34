import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { DOCTOR_INCOME_MESSAGES as M } from "../../components/doctor-income/doctor-income-messages"
import { DoctorWithdrawalsPanel } from "../../components/doctor-income/doctor-withdrawals-panel"

/** 医生结算: doctors' withdrawals, paid or rejected by finance. */
const DoctorIncomePage = () => (
  <Container className="flex flex-col gap-y-4 p-6">
    <div>
      <Heading level="h1">{M.title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {M.intro}
      </Text>
    </div>
    <DoctorWithdrawalsPanel />
  </Container>
)

export const config = defineRouteConfig({ label: "医生结算", icon: CurrencyDollar })

export default DoctorIncomePage
