import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { EscortCaseDetailView } from "../../components/escort-case/escort-case-detail"
import { EscortCaseList } from "../../components/escort-case/escort-case-list"
import { ESCORT_CASE_MESSAGES as M } from "../../components/escort-case/escort-case-messages"

/** 事件与理赔: complaints, 报备 and alerts as cases, decided and paid from the guarantee fund. */
const EscortCasesPage = () => {
  const [open, setOpen] = useState<string | null>(null)
  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <div>
        <Heading level="h1">{M.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {M.intro}
        </Text>
      </div>
      {open ? (
        <EscortCaseDetailView caseId={open} onBack={() => setOpen(null)} />
      ) : (
        <EscortCaseList onOpen={setOpen} />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "事件与理赔", icon: ExclamationCircle })

export default EscortCasesPage
