import { kitSteps, type Kit } from "@health/core"

const STATE_WORD = { done: "已完成", current: "当前", upcoming: "未开始" }

/** A compact left-to-right stepper of the kit's progress, for lists. */
export function KitStepper({
  kit,
}: {
  kit: Pick<Kit, "status" | "timeline" | "collection_method">
}) {
  const steps = kitSteps(kit)
  return (
    <ol className="kit-stepper" aria-label="检测进度" data-testid="kit-stepper">
      {steps.map((step) => (
        <li
          key={step.status}
          className={`${step.state}${step.exit ? " exit" : ""}`}
          aria-current={step.state === "current" ? "step" : undefined}
        >
          <span className="dot" aria-hidden />
          <span className="step-label">{step.label}</span>
          <span className="visually-hidden">（{STATE_WORD[step.state]}）</span>
        </li>
      ))}
    </ol>
  )
}
