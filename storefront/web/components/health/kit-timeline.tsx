import { formatDateTime, kitSteps, type Kit } from "@health/core"

/** The kit's progress top to bottom, each reached step with its time in Asia/Shanghai. */
export function KitTimeline({
  kit,
}: {
  kit: Pick<Kit, "status" | "timeline" | "collection_method">
}) {
  return (
    <ol className="kit-timeline" aria-label="检测进度" data-testid="kit-timeline">
      {kitSteps(kit).map((step) => (
        <li
          key={step.status}
          className={`${step.state}${step.exit ? " exit" : ""}`}
          aria-current={step.state === "current" ? "step" : undefined}
        >
          <span className="dot" aria-hidden />
          <div>
            <strong>{step.label}</strong>
            {step.at && (
              <time dateTime={step.at} className="muted">
                {formatDateTime(step.at)}
              </time>
            )}
            {step.state === "upcoming" && <span className="muted">待进行</span>}
            {step.note && <p className="step-note">{step.note}</p>}
          </div>
        </li>
      ))}
    </ol>
  )
}
