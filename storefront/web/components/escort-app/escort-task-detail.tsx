"use client"

import { formatCNY, tencentMapLink, type EscortTaskDetail } from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { Markdown } from "@/components/article/markdown"
import { EmptyIcon } from "@/components/icons"
import { escortAppInBrowser, type EscortAppApi } from "@/lib/escort-app-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"
import type { Locate } from "./escort-attachments"
import { EscortReportForm } from "./escort-report-form"
import { EscortSopStepPanel } from "./escort-sop-step-panel"
import { EscortStepPanel } from "./escort-step-panel"

const IN_SERVICE = ["accepted", "departed", "arrived", "accompanying"]
/** Once accepted the escort may talk with the family; the report is written after 服务完成. */
const CAN_MESSAGE = [...IN_SERVICE, "completed", "confirmed", "reviewed"]
const CAN_REPORT = ["completed", "confirmed", "reviewed"]

type Shown =
  | { state: "loading" }
  | { state: "error"; message: string; signedOut: boolean }
  | { state: "ready"; task: EscortTaskDetail }

/**
 * 任务详情: the service, time, hospital with a Tencent Maps link, the patient's name and
 * masked ID number, needs; the step buttons and 报备 while serving.
 */
export function EscortTaskDetailView({
  taskId,
  api: given,
  locate,
}: {
  taskId: string
  api?: EscortAppApi
  locate?: Locate
}) {
  const api = useMemo(() => given ?? escortAppInBrowser(), [given])
  const [shown, setShown] = useState<Shown>({ state: "loading" })

  useEffect(() => {
    let live = true
    api.getEscortTask("", taskId).then(
      (task) => live && setShown({ state: "ready", task }),
      (error) =>
        live &&
        setShown({ state: "error", message: escortAppError(error), signedOut: isSignedOut(error) })
    )
    return () => {
      live = false
    }
  }, [api, taskId])

  if (shown.state === "loading") {
    return (
      <p className="muted" role="status">
        正在加载任务…
      </p>
    )
  }
  if (shown.state === "error") {
    return (
      <div className="empty-state" data-testid="escort-task-error">
        <EmptyIcon kind="warning" />
        <p role="alert">{shown.message}</p>
        {shown.signedOut ? (
          <Link href="/escort-app/sign-in" className="button primary">
            重新登录
          </Link>
        ) : (
          <Link href="/escort-app" className="button">
            返回任务中心
          </Link>
        )}
      </div>
    )
  }

  const task = shown.task
  return (
    <div className="escort-task-detail" data-testid="escort-task-detail">
      <section className="card">
        <div className="card-body">
          <div className="escort-task-head">
            <h1>{task.service.name}</h1>
            <span className="kit-badge" data-testid="escort-task-status">
              {task.status_label}
            </span>
          </div>
          <p>
            {task.date} {task.time_window.start}-{task.time_window.end}
          </p>
          <p>
            <strong>{task.hospital.name}</strong> · {task.department}
          </p>
          {task.hospital.address && <p className="muted">地址：{task.hospital.address}</p>}
          <p>
            <a
              href={tencentMapLink({ ...task.hospital, city: task.city })}
              target="_blank"
              rel="noreferrer"
              className="button small"
              data-testid="escort-navigate"
            >
              腾讯地图导航
            </a>
          </p>
          {task.hospital.guide && (
            // The CMS writes the guide in Markdown: headings, lists and bold, not raw marks.
            <div className="muted escort-hospital-guide" data-testid="escort-hospital-guide">
              <Markdown source={task.hospital.guide} />
            </div>
          )}
          <p data-testid="escort-task-person">
            {task.person
              ? `就诊人：${task.person.name}${task.person.id_number ? ` ${task.person.id_number}` : ""}`
              : (task.patient_details_hidden_reason ?? "就诊人信息不再显示")}
          </p>
          {task.meeting_point && <p>见面地点：{task.meeting_point}</p>}
          {task.needs.length > 0 && <p>特殊需求：{task.needs.join("、")}</p>}
          <p className="muted">订单金额 {formatCNY(task.price_fen / 100)}</p>
        </div>
      </section>
      {task.status === "completed" && (
        // The step panel is gone once the service is done: say so, and what comes next.
        <p className="form-notice" role="status" data-testid="escort-task-completed">
          服务已完成。请填写服务报告；家属确认完成后，本单收入即可提现。
        </p>
      )}
      {CAN_MESSAGE.includes(task.status) && (
        <p className="form-actions" data-testid="escort-task-links">
          {CAN_MESSAGE.includes(task.status) && (
            <Link
              href={`/escort-app/tasks/${encodeURIComponent(task.id)}/messages`}
              className="button"
            >
              和家属的消息
            </Link>
          )}
          {CAN_REPORT.includes(task.status) && (
            <Link
              href={`/escort-app/tasks/${encodeURIComponent(task.id)}/report`}
              className="button primary"
            >
              服务报告
            </Link>
          )}
        </p>
      )}
      {IN_SERVICE.includes(task.status) && (
        <EscortStepPanel
          task={task}
          api={api}
          locate={locate}
          onMoved={(moved) =>
            setShown({
              state: "ready",
              // The step's answer has no hospital details or SOP: keep the ones read.
              task: { ...task, ...moved, hospital: task.hospital, sop: task.sop },
            })
          }
        />
      )}
      {task.status === "accompanying" && (
        <EscortSopStepPanel
          task={task}
          api={api}
          locate={locate}
          onRecorded={(event) =>
            setShown({
              state: "ready",
              task: { ...task, events: [...(task.events ?? []), event] },
            })
          }
        />
      )}
      {IN_SERVICE.includes(task.status) && (
        <EscortReportForm taskId={task.id} api={api} locate={locate} />
      )}
    </div>
  )
}
