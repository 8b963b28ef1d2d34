import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import { KIT_TRANSITIONS } from "../../../lib/kits/kit-status"
import type { KitActionPath } from "./lab-messages"
import type { AdminKit } from "./lab-types"

export type KitStep = KitActionPath

/** The lab's next steps for a kit, as the kit lifecycle allows them from its status. */
export function allowedSteps(kit: AdminKit): KitStep[] {
  const steps: KitStep[] = []
  if (KIT_TRANSITIONS.ship.from.includes(kit.status)) steps.push("ship")
  if (KIT_TRANSITIONS.receive.from.includes(kit.status)) steps.push("receive")
  if (KIT_TRANSITIONS.start_testing.from.includes(kit.status)) steps.push("start-testing")
  if (KIT_TRANSITIONS.reject.from.includes(kit.status)) steps.push("reject")
  return steps
}

const STEP_BUTTONS: Record<KitStep, (kit: AdminKit) => string> = {
  ship: (kit) => (kit.collection_method === "on_site" ? "分配条码" : "发货/分配条码"),
  receive: (kit) => (kit.status === "rejected" ? "接收重采样本" : "接收样本"),
  "start-testing": () => "开始检测",
  reject: () => "退回样本",
}

export const reportFileUrl = (reportId: string) =>
  `/admin/health-archive/reports/${encodeURIComponent(reportId)}/file`

/**
 * Buttons for what may happen next. Read-only staff (客服) see none: the report file
 * is for lab staff and super admins too.
 */
export const KitRowActions = ({
  kit,
  canWrite,
  busyStep,
  onStep,
}: {
  kit: AdminKit
  canWrite: boolean
  busyStep: KitStep | null
  onStep: (step: KitStep) => void
}) => {
  if (!canWrite) return null
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {allowedSteps(kit).map((step) => (
        <Button
          key={step}
          size="small"
          variant="secondary"
          isLoading={busyStep === step}
          disabled={busyStep !== null && busyStep !== step}
          onClick={(event) => {
            event.stopPropagation()
            onStep(step)
          }}
        >
          {STEP_BUTTONS[step](kit)}
        </Button>
      ))}
      {kit.report && (
        <Button size="small" variant="transparent" asChild>
          <a
            href={reportFileUrl(kit.report.id)}
            target="_blank"
            rel="noreferrer"
            onClick={(event) => event.stopPropagation()}
          >
            查看报告
            <ArrowUpRightOnBox />
          </a>
        </Button>
      )}
    </div>
  )
}
