import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { DOCTOR_LICENSE_MESSAGES as M } from "../../components/doctor-license/doctor-license-messages"
import { DoctorLicenseQueue } from "../../components/doctor-license/doctor-license-queue"

const STATUSES = ["pending", "approved", "rejected"] as const

/** 医生资质审核: doctors' licence documents, reviewed by the admission desk. */
const DoctorLicensesPage = () => (
  <Container className="flex flex-col gap-y-4 p-6">
    <div>
      <Heading level="h1">{M.title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {M.intro}
      </Text>
    </div>
    <Tabs defaultValue="pending">
      <Tabs.List>
        {STATUSES.map((status) => (
          <Tabs.Trigger key={status} value={status}>
            {M.tabs[status]}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {STATUSES.map((status) => (
        <Tabs.Content key={status} value={status} className="pt-4">
          <DoctorLicenseQueue status={status} />
        </Tabs.Content>
      ))}
    </Tabs>
  </Container>
)

export const config = defineRouteConfig({ label: "医生资质审核", icon: ShieldCheck })

export default DoctorLicensesPage
