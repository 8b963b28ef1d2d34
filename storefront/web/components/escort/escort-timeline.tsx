import { escortTimeline, formatDateTime, type EscortBookingDetail } from "@health/core"

/**
 * The service's progress as a picture: every step in order with the time it was reached,
 * the current one highlighted; 报备 from the escort listed under it.
 */
export function EscortTimeline({ booking }: { booking: EscortBookingDetail }) {
  const { steps, ending, reports } = escortTimeline(booking)
  return (
    <div className="escort-timeline" data-testid="escort-timeline">
      <ol className="timeline-steps">
        {steps.map((step) => (
          <li
            key={step.status}
            className={`timeline-step ${step.state}`}
            data-testid={`timeline-${step.status}`}
            data-state={step.state}
            aria-current={step.state === "current" ? "step" : undefined}
          >
            <span className="timeline-dot" aria-hidden />
            <span className="timeline-label">{step.label}</span>
            {step.at && <time dateTime={step.at}>{formatDateTime(step.at)}</time>}
          </li>
        ))}
      </ol>
      {ending && (
        <p className="notice error" data-testid="timeline-ending">
          {ending.label}
          {ending.at && ` · ${formatDateTime(ending.at)}`}
        </p>
      )}
      {reports.length > 0 && (
        <ul className="timeline-reports" data-testid="timeline-reports">
          {reports.map((report) => (
            <li key={report.id}>
              <strong>陪诊员报备</strong> {formatDateTime(report.at)}：{report.note}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
