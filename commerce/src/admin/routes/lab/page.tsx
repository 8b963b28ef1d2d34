import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Beaker } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { KitTable } from "../../components/lab/kit-table"
import { ReportUploadPanel } from "../../components/lab/report-upload-panel"
import { adminRequest } from "../../lib/admin-request"

/** Lab work needs `lab:write` (实验室 and 超级管理员); 客服 reads kit progress only. */
const canWriteLab = (permissions: string[]) =>
  permissions.includes("*") || permissions.includes("lab:write")

/** 检测与报告: kit steps for lab staff, and bulk upload of the reports. */
const LabPage = () => {
  // Until the roles are known the page offers the steps; a 403 hides them again.
  const [canWrite, setCanWrite] = useState(true)
  const [refusal, setRefusal] = useState<string>()
  const [kitsVersion, setKitsVersion] = useState(0)

  useEffect(() => {
    adminRequest<{ permissions: string[] }>("/admin/access/me")
      .then(({ permissions }) => setCanWrite(canWriteLab(permissions)))
      .catch(() => undefined)
  }, [])

  const forbid = (message: string) => {
    setRefusal(message)
    setCanWrite(false)
  }

  return (
    <div className="flex flex-col gap-y-4">
      {!canWrite && (
        <Container>
          <Heading level="h2">只读</Heading>
          <Text className="text-ui-fg-subtle">
            {refusal ??
              "您的角色可以查看检测进度；发货、接收样本、退回、上传和查看报告需要「实验室」角色，请联系超级管理员开通。"}
          </Text>
        </Container>
      )}
      <KitTable canWrite={canWrite} onForbidden={forbid} reloadSignal={kitsVersion} />
      {canWrite && (
        <ReportUploadPanel
          onForbidden={forbid}
          onReportsFiled={() => setKitsVersion((v) => v + 1)}
        />
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "检测与报告", icon: Beaker })

export default LabPage
