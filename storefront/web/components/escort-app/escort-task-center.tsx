"use client"

import { escortAcceptRefusal, type EscortTask } from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { EmptyIcon } from "@/components/icons"
import { escortAppInBrowser, type EscortAppApi } from "@/lib/escort-app-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"
import { EscortTaskCard } from "./escort-task-card"

export type EscortTaskCenterTab = "open" | "mine" | "done"

const TABS: { id: EscortTaskCenterTab; label: string; empty: string; hint: string }[] = [
  {
    id: "open",
    label: "待接单",
    empty: "暂时没有待接的任务",
    hint: "新任务发布或平台派单给您时会出现在这里。",
  },
  { id: "mine", label: "进行中", empty: "没有进行中的任务", hint: "接单后的任务在这里推进服务。" },
  { id: "done", label: "已完成", empty: "还没有完成的任务", hint: "服务完成的任务会留在这里。" },
]

type Shown =
  | { state: "loading" }
  | { state: "error"; message: string; signedOut: boolean }
  | { state: "ready"; tasks: EscortTask[] }

/** 待接单 = tasks auto-dispatch offered this escort (first) and open tasks in their city. */
async function loadTab(api: EscortAppApi, tab: EscortTaskCenterTab): Promise<EscortTask[]> {
  if (tab !== "open") return api.listEscortTasks("", tab)
  const [offered, open] = await Promise.all([
    api.listEscortTasks("", "offered"),
    api.listEscortTasks("", "open"),
  ])
  return [...offered, ...open.filter((task) => !offered.some((o) => o.id === task.id))]
}

/** 任务中心: three tabs, empty states, 抢单 / 接单 / 拒绝, and a way into each own task. */
export function EscortTaskCenter({
  api: given,
  initialTab = "open",
}: {
  api?: EscortAppApi
  initialTab?: EscortTaskCenterTab
}) {
  const api = useMemo(() => given ?? escortAppInBrowser(), [given])
  const [tab, setTab] = useState<EscortTaskCenterTab>(initialTab)
  const [shown, setShown] = useState<Shown>({ state: "loading" })
  const [busy, setBusy] = useState<string | null>(null)
  const [feedback, setFeedback] = useState<{ error?: string; notice?: string }>({})

  const [round, setRound] = useState(0)

  useEffect(() => {
    let live = true
    loadTab(api, tab).then(
      (tasks) => live && setShown({ state: "ready", tasks }),
      (error) =>
        live &&
        setShown({ state: "error", message: escortAppError(error), signedOut: isSignedOut(error) })
    )
    return () => {
      live = false
    }
  }, [api, tab, round])

  const reload = () => setRound((n) => n + 1)
  const choose = (next: EscortTaskCenterTab) => {
    if (next === tab) return
    setShown({ state: "loading" })
    setTab(next)
  }

  const act = async (task: EscortTask, kind: "accept" | "decline") => {
    setBusy(task.id)
    setFeedback({})
    try {
      if (kind === "accept") {
        await api.acceptEscortTask("", task.id)
        setFeedback({ notice: `已接单：${task.service.name}，请按时出发` })
      } else {
        await api.declineEscortTask("", task.id)
        setFeedback({ notice: "已拒绝该派单，平台将派给其他陪诊员" })
      }
    } catch (error) {
      setFeedback({ error: kind === "accept" ? escortAcceptRefusal(error) : escortAppError(error) })
    } finally {
      setBusy(null)
      // Taken, accepted or declined: the list changed either way.
      reload()
    }
  }

  const current = TABS.find((t) => t.id === tab)!
  return (
    <section className="escort-app-section" data-testid="escort-task-center">
      <nav className="tabs" role="tablist" aria-label="任务分类">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            className={`tab${t.id === tab ? " active" : ""}`}
            onClick={() => choose(t.id)}
            data-testid={`escort-tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </nav>
      {feedback.error && (
        <p className="form-error" role="alert" data-testid="escort-task-error">
          {feedback.error}
        </p>
      )}
      {feedback.notice && (
        <p className="form-notice" role="status">
          {feedback.notice}
        </p>
      )}
      {shown.state === "loading" && (
        <p className="muted" role="status">
          正在加载任务…
        </p>
      )}
      {shown.state === "error" && (
        <div className="empty-state" data-testid="escort-tasks-error">
          <EmptyIcon kind="warning" />
          <p role="alert">{shown.message}</p>
          {shown.signedOut ? (
            <Link href="/escort-app/sign-in" className="button primary">
              重新登录
            </Link>
          ) : (
            <button type="button" className="button" onClick={reload}>
              重试
            </button>
          )}
        </div>
      )}
      {shown.state === "ready" && shown.tasks.length === 0 && (
        <div className="empty-state" data-testid={`escort-tasks-empty-${tab}`}>
          <EmptyIcon kind="calendar" />
          <p>{current.empty}</p>
          <p className="muted">{current.hint}</p>
        </div>
      )}
      {shown.state === "ready" && shown.tasks.length > 0 && (
        <ul className="escort-task-list">
          {shown.tasks.map((task) => (
            <EscortTaskCard key={task.id} task={task}>
              {tab === "open" ? (
                <>
                  <button
                    type="button"
                    className="button primary"
                    disabled={busy !== null}
                    onClick={() => void act(task, "accept")}
                    data-testid="escort-accept"
                  >
                    {busy === task.id ? "处理中…" : task.offer ? "接单" : "抢单"}
                  </button>
                  {task.offer && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      onClick={() => void act(task, "decline")}
                      data-testid="escort-decline"
                    >
                      拒绝
                    </button>
                  )}
                </>
              ) : (
                <Link
                  href={`/escort-app/tasks/${encodeURIComponent(task.id)}`}
                  className="button"
                  data-testid="escort-task-open"
                >
                  {tab === "mine" ? "去服务" : "查看详情"}
                </Link>
              )}
            </EscortTaskCard>
          ))}
        </ul>
      )}
    </section>
  )
}
