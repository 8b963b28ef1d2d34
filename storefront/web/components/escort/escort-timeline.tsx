import { escortTimeline, formatDateTime, type EscortBookingDetail } from "@health/core"

/**
 * The service's progress as a picture: every step in order with the time it was reached,
 * the current one highlighted; the SOP steps the escort recorded (挂号, 候诊 …) under
 * 陪同就医 with their times; 报备 from the escort listed under it.
 */
export function EscortTimeline({ booking }: { booking: EscortBookingDetail }) {
  const { steps, ending, reports, sopSteps } = escortTimeline(booking)
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
            {step.status === "accompanying" && sopSteps.length > 0 && (
              <ol className="timeline-sop-steps" data-testid="timeline-sop-steps">
                {sopSteps.map((done) => (
                  <li key={done.id} data-testid="timeline-sop-step" data-step={done.sop_step}>
                    <span className="timeline-label">{done.sop_step}</span>{" "}
                    <time dateTime={done.at}>{formatDateTime(done.at)}</time>
                    {done.note && <span className="muted">：{done.note}</span>}
                  </li>
                ))}
              </ol>
            )}
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
