import { formatCNY, formatDateTime, type EscortTask } from "@health/core"
import type { ReactNode } from "react"

/** One task in the task center: what, where, when, for whom (surname only until accepted). */
export function EscortTaskCard({ task, children }: { task: EscortTask; children?: ReactNode }) {
  return (
    <li className="card escort-task-card" data-testid="escort-task">
      <div className="card-body">
        <div className="escort-task-head">
          <strong>{task.service.name}</strong>
          <span className="kit-badge">{task.offer ? "平台派单" : task.status_label}</span>
        </div>
        <p>
          {task.hospital.name} · {task.department}
        </p>
        <p className="muted">
          {task.date} {task.time_window.start}-{task.time_window.end}
          {task.person ? ` · 就诊人 ${task.person.name}` : ""}
        </p>
        {task.meeting_point && <p className="muted">见面地点：{task.meeting_point}</p>}
        {task.needs.length > 0 && <p className="muted">需求：{task.needs.join("、")}</p>}
        <p className="escort-task-price">订单金额 {formatCNY(task.price_fen / 100)}</p>
        {task.offer && (
          <p className="notice" data-testid="escort-offer-deadline">
            请在 {formatDateTime(task.offer.expires_at)} 前确认，超时将派给其他陪诊员
          </p>
        )}
        {children && <div className="escort-task-actions">{children}</div>}
      </div>
    </li>
  )
}
