import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { escortAcceptRefusal, formatCNY, formatDateTime, type EscortTask } from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { explainError } from "../../../lib/explain-error"
import { escortApp } from "../escort-app-client"
import { escortRoutes } from "../escort-app-routes"
import { escortSession } from "../escort-session"
import { useEscortLoad } from "../use-escort-load"

type Tab = "open" | "mine" | "done"

const TABS: { id: Tab; label: string; empty: string }[] = [
  { id: "open", label: "待接单", empty: "暂时没有待接的任务，新任务发布或平台派单时会出现在这里" },
  { id: "mine", label: "进行中", empty: "没有进行中的任务" },
  { id: "done", label: "已完成", empty: "还没有完成的任务" },
]

/** 待接单 = offers to this escort first, then open tasks in their city. */
async function loadTab(token: string, tab: Tab): Promise<EscortTask[]> {
  if (tab !== "open") return escortApp.listEscortTasks(token, tab)
  const [offered, open] = await Promise.all([
    escortApp.listEscortTasks(token, "offered"),
    escortApp.listEscortTasks(token, "open"),
  ])
  return [...offered, ...open.filter((task) => !offered.some((o) => o.id === task.id))]
}

/** 陪诊员工作台: the task center with 待接单 / 进行中 / 已完成, and the way to 排班 and 收入. */
export default function EscortTasks() {
  const [tab, setTab] = useState<Tab>("open")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const { result, reload } = useEscortLoad(
    async (token) => ({ token, tasks: await loadTab(token, tab) }),
    [tab]
  )

  const act = async (token: string, task: EscortTask, kind: "accept" | "decline") => {
    setBusy(true)
    setProblem(null)
    try {
      if (kind === "accept") {
        await escortApp.acceptEscortTask(token, task.id)
        Taro.showToast({ title: "接单成功", icon: "success" })
      } else {
        await escortApp.declineEscortTask(token, task.id)
        Taro.showToast({ title: "已拒绝派单", icon: "none" })
      }
    } catch (error) {
      setProblem(kind === "accept" ? escortAcceptRefusal(error) : explainError(error))
    } finally {
      setBusy(false)
      reload()
    }
  }

  const signOut = () => {
    escortSession.signOut()
    Taro.redirectTo({ url: escortRoutes.login() })
  }

  const current = TABS.find((t) => t.id === tab)!
  return (
    <View className="page" data-testid="escort-tasks">
      <View className="chips">
        {TABS.map((t) => (
          <Text
            key={t.id}
            className={`chip${t.id === tab ? " chip--active" : ""}`}
            onClick={() => setTab(t.id)}
            data-testid={`escort-tab-${t.id}`}
          >
            {t.label}
          </Text>
        ))}
      </View>
      {problem ? (
        <Text className="error-text" data-testid="escort-task-error">
          {problem}
        </Text>
      ) : null}
      {problem && /培训/.test(problem) ? (
        // The training gate refused the task: the way to the courses is one tap away.
        <Button
          size="mini"
          className="btn-primary"
          onClick={() => Taro.navigateTo({ url: escortRoutes.training })}
          data-testid="escort-task-error-training"
        >
          去培训考试
        </Button>
      ) : null}
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={({ tasks }) => tasks.length === 0}
        empty={<Text data-testid={`escort-tasks-empty-${tab}`}>{current.empty}</Text>}
      >
        {({ token, tasks }) => (
          <View>
            {tasks.map((task) => (
              <View key={task.id} className="section" data-testid="escort-task">
                <Text className="section__title">
                  {task.service.name} · {task.offer ? "平台派单" : task.status_label}
                </Text>
                <Text>
                  {task.hospital.name} · {task.department}
                </Text>
                <View>
                  <Text className="muted">
                    {task.date} {task.time_window.start}-{task.time_window.end}
                    {task.person ? ` · 就诊人 ${task.person.name}` : ""}
                  </Text>
                </View>
                {task.meeting_point ? (
                  <View>
                    <Text className="muted">见面地点：{task.meeting_point}</Text>
                  </View>
                ) : null}
                <Text className="price">订单金额 {formatCNY(task.price_fen / 100)}</Text>
                {task.offer ? (
                  <View>
                    <Text className="muted" data-testid="escort-offer-deadline">
                      请在 {formatDateTime(task.offer.expires_at)} 前确认
                    </Text>
                  </View>
                ) : null}
                {tab === "open" ? (
                  <View className="row">
                    <Button
                      className="btn-primary"
                      disabled={busy}
                      onClick={() => act(token, task, "accept")}
                      data-testid="escort-accept"
                    >
                      {task.offer ? "接单" : "抢单"}
                    </Button>
                    {task.offer ? (
                      <Button
                        disabled={busy}
                        onClick={() => act(token, task, "decline")}
                        data-testid="escort-decline"
                      >
                        拒绝
                      </Button>
                    ) : null}
                  </View>
                ) : (
                  <Button
                    onClick={() => Taro.navigateTo({ url: escortRoutes.task(task.id) })}
                    data-testid="escort-task-open"
                  >
                    {tab === "mine" ? "去服务" : "查看详情"}
                  </Button>
                )}
              </View>
            ))}
          </View>
        )}
      </StateView>
      <View className="row">
        <Button onClick={() => Taro.navigateTo({ url: escortRoutes.schedule })}>我的排班</Button>
        <Button onClick={() => Taro.navigateTo({ url: escortRoutes.income })}>我的收入</Button>
        <Button
          onClick={() => Taro.navigateTo({ url: escortRoutes.training })}
          data-testid="escort-training-link"
        >
          培训考试
        </Button>
        <Button onClick={signOut}>退出</Button>
      </View>
    </View>
  )
}
