import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AppointmentView } from "../../modules/appointment/types"
import { KitStatusBadge } from "../components/lab/kit-status-badge"
import type { AdminKit, KitList } from "../components/lab/lab-types"
import { adminRequest, errorText, isForbidden } from "../lib/admin-request"

/** A section's data, or why it is not shown: staff see only the areas their role allows. */
type Section<T> = { rows: T[] } | { refused: true } | { error: string } | null

async function loadSection<T>(path: string, pick: (json: never) => T[]): Promise<Section<T>> {
  try {
    return { rows: pick(await adminRequest<never>(path)) }
  } catch (error) {
    return isForbidden(error) ? { refused: true } : { error: errorText(error) }
  }
}

const METHOD_LABELS: Record<AdminKit["collection_method"], string> = {
  mail_in: "寄送采样盒",
  on_site: "采集点现场采集",
}

function SectionBody<T>({
  section,
  empty,
  refused,
  render,
}: {
  section: Section<T>
  empty: string
  refused: string
  render: (row: T) => JSX.Element
}) {
  if (!section) return <Text size="small">加载中…</Text>
  if ("refused" in section) return <Text size="small">{refused}</Text>
  if ("error" in section) return <Text size="small">{section.error}</Text>
  if (!section.rows.length) return <Text size="small">{empty}</Text>
  return <ul className="flex flex-col gap-y-2">{section.rows.map(render)}</ul>
}

/**
 * 检测盒与预约 on the order page: what the order set going after payment (a kit per gene
 * test, and any on-site collection appointment), each with its current status. Kits need
 * the lab read permission and appointments the appointments permission, as on their pages.
 */
function OrderHealthServices({ data: order }: DetailWidgetProps<AdminOrder>) {
  const [kits, setKits] = useState<Section<AdminKit>>(null)
  const [appointments, setAppointments] = useState<Section<AppointmentView>>(null)

  useEffect(() => {
    const id = encodeURIComponent(order.id)
    loadSection<AdminKit>(
      `/admin/health-archive/kits?order_id=${id}&limit=200`,
      (json: KitList) => json.kits
    ).then(setKits)
    loadSection<AppointmentView>(
      `/admin/appointments?order_id=${id}`,
      (json: { appointments: AppointmentView[] }) => json.appointments
    ).then(setAppointments)
  }, [order.id])

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">检测盒与预约</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          检测盒
        </Text>
        <SectionBody
          section={kits}
          empty="此订单没有检测盒（付款后生成）。"
          refused="您的角色无权查看检测盒。"
          render={(kit) => (
            <li key={kit.id} className="flex items-center justify-between gap-x-2">
              <div>
                <Text size="small">{kit.product_title}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {kit.barcode ?? "未绑定条码"} · {METHOD_LABELS[kit.collection_method]}
                </Text>
              </div>
              <KitStatusBadge kit={kit} />
            </li>
          )}
        />
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          采集预约
        </Text>
        <SectionBody
          section={appointments}
          empty="此订单没有采集点预约。"
          refused="您的角色无权查看预约。"
          render={(appointment) => (
            <li key={appointment.id} className="flex items-center justify-between gap-x-2">
              <div>
                <Text size="small">{appointment.site.name}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {appointment.date} {appointment.slot}
                </Text>
              </div>
              <StatusBadge color={appointment.status === "cancelled" ? "red" : "green"}>
                {appointment.status_label}
              </StatusBadge>
            </li>
          )}
        />
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderHealthServices
