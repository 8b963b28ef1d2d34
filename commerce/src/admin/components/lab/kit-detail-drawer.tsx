import { Drawer, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatShanghaiTime } from "./format-shanghai-time"
import { KitStatusBadge } from "./kit-status-badge"
import { COLLECTION_METHODS } from "./lab-messages"
import type { AdminKit } from "./lab-types"
import { ReportFindingsEditor } from "./report-findings-editor"

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-[7rem_1fr] gap-x-3 py-1">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small">{children}</Text>
  </div>
)

/** A kit's particulars and its status timeline (Beijing time), newest first. */
export const KitDetailDrawer = ({
  kit,
  onClose,
  actions,
}: {
  kit: AdminKit | null
  onClose: () => void
  actions: ReactNode
}) => {
  const timeline = kit ? [...kit.timeline].reverse() : []
  return (
    <Drawer open={Boolean(kit)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>检测盒 {kit?.barcode ?? "（未分配条码）"}</Drawer.Title>
        </Drawer.Header>
        {kit && (
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <section>
              <div className="mb-2 flex items-center gap-x-2">
                <KitStatusBadge kit={kit} />
              </div>
              <Field label="商品">
                {kit.product_title}
                {kit.variant_title ? ` · ${kit.variant_title}` : ""}
              </Field>
              <Field label="订单号">#{kit.order_display_id ?? "—"}</Field>
              <Field label="采样方式">{COLLECTION_METHODS[kit.collection_method]}</Field>
              <Field label="受检人">
                {kit.person ? `${kit.person.name}（${kit.person.relation_label}）` : "未激活"}
              </Field>
              <Field label="会员">
                {[kit.customer.phone_masked, kit.customer.email_masked]
                  .filter(Boolean)
                  .join(" · ") || "—"}
              </Field>
              {kit.tracking?.number && (
                <Field label="快递">
                  {kit.tracking.carrier ?? "快递"} {kit.tracking.number}
                </Field>
              )}
              {kit.rejection_reason && <Field label="退回原因">{kit.rejection_reason}</Field>}
              {kit.report && (
                <Field label="报告">
                  {kit.report.lab ?? "—"} · 出具 {formatShanghaiTime(kit.report.issued_at)}
                  {kit.report.viewed_at
                    ? ` · 会员已于 ${formatShanghaiTime(kit.report.viewed_at)} 查看`
                    : " · 会员未查看"}
                </Field>
              )}
              <Field label="下单时间">{formatShanghaiTime(kit.created_at)}</Field>
            </section>
            {kit.report && <ReportFindingsEditor reportId={kit.report.id} />}
            <section>
              <Heading level="h3" className="mb-3">
                状态记录
              </Heading>
              {timeline.length === 0 ? (
                <Text size="small" className="text-ui-fg-subtle">
                  暂无状态记录。
                </Text>
              ) : (
                <ol className="border-ui-border-base ml-1 flex flex-col gap-y-4 border-l pl-4">
                  {timeline.map((entry, index) => (
                    <li key={`${entry.status}-${entry.at}-${index}`} className="relative">
                      <span
                        aria-hidden
                        className="bg-ui-fg-muted absolute -left-[21px] top-1.5 h-2 w-2 rounded-full"
                      />
                      <Text size="small" weight="plus">
                        {entry.label}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {formatShanghaiTime(entry.at)}（北京时间）
                      </Text>
                      {entry.note && (
                        <Text size="small" className="text-ui-fg-base mt-1">
                          {entry.note}
                        </Text>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </Drawer.Body>
        )}
        <Drawer.Footer>{kit && actions}</Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
