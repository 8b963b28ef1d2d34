import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  clinicSignupState,
  formatDateTime,
  type ClinicSession,
  type ClinicSessionState,
  type ClinicSignup,
} from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { appointments, cms } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { session as memberSession } from "../../../lib/session"
import { useMemberLoad } from "../../../lib/use-member-load"

/** A session's own capacity, else the CMS default (as the web reads it). */
const DEFAULT_CAPACITY = 20

type ClinicView = {
  sessions: { session: ClinicSession; state: ClinicSessionState | null }[]
  mine: ClinicSignup[]
}

async function loadClinic(token: string): Promise<ClinicView> {
  const [sessions, signups] = await Promise.all([
    cms.listClinicSessions(),
    appointments.mySignups(token),
  ])
  const states = await Promise.all(
    sessions.map((session) =>
      appointments.clinicSession(token, session.documentId).catch(() => null)
    )
  )
  return {
    sessions: sessions.map((session, index) => ({ session, state: states[index] })),
    mine: signups.filter((signup) => signup.status !== "cancelled"),
  }
}

/** 线下义诊: upcoming sessions with the places left, sign-up or the waitlist, and my sign-ups. */
export default function ClinicSessions() {
  const { result, reload } = useMemberLoad(loadClinic)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  async function act(sessionId: string, action: "sign_up" | "join_waitlist" | "cancel") {
    const token = memberSession.token()
    if (!token) return
    if (action === "cancel") {
      const { confirm } = await Taro.showModal({ title: "取消报名", content: "确定取消吗？" })
      if (!confirm) return
    }
    setBusy(sessionId)
    try {
      if (action === "cancel") {
        await appointments.cancelSignUp(token, sessionId)
        Taro.showToast({ title: "已取消", icon: "none" })
      } else {
        const { signup } = await appointments.signUp(token, sessionId)
        Taro.showToast({
          title:
            signup?.status === "waitlisted"
              ? `已加入候补，第 ${signup.waitlist_position ?? 1} 位`
              : "报名成功",
          icon: "none",
        })
      }
      setProblem(null)
      reload()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="page" data-testid="clinic-sessions">
      {problem ? (
        <Text className="error-text" data-testid="clinic-problem">
          {problem}
        </Text>
      ) : null}
      <StateView result={result} onRetry={reload}>
        {(view) => (
          <View>
            {view.mine.length > 0 ? (
              <View className="section" data-testid="my-clinic-signups">
                <Text className="section__title">我的报名</Text>
                {view.mine.map((signup) => (
                  <View key={signup.id} className="list-item" data-testid="my-clinic-signup">
                    <Text>
                      {signup.session.title} · {formatDateTime(signup.session.starts_at)}
                    </Text>
                    <Text className={signup.status === "confirmed" ? "notice-text" : "muted"}>
                      {signup.status === "waitlisted"
                        ? `候补第 ${signup.waitlist_position ?? 1} 位`
                        : signup.status_label}
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}
            {view.sessions.length === 0 ? (
              <Text className="muted">近期没有线下义诊，发布后会显示在这里。</Text>
            ) : (
              view.sessions.map(({ session, state }) => {
                const choice = state
                  ? clinicSignupState(state, session.capacity ?? DEFAULT_CAPACITY)
                  : null
                return (
                  <View key={session.documentId} className="section" data-testid="clinic-session">
                    <Text className="section__title">{session.title}</Text>
                    <Text className="muted">
                      {formatDateTime(session.starts_at)}
                      {session.place ? ` · ${session.place}` : ""}
                      {session.expert ? ` · ${session.expert.name}` : ""}
                    </Text>
                    {choice ? (
                      <View className="row">
                        <Text className="muted" data-testid="clinic-note">
                          {choice.note}
                        </Text>
                        <Button
                          size="mini"
                          className={choice.action === "cancel" ? "" : "btn-primary"}
                          data-testid="clinic-action"
                          disabled={busy === session.documentId}
                          onClick={() => act(session.documentId, choice.action)}
                        >
                          {choice.label}
                        </Button>
                      </View>
                    ) : (
                      <Text className="muted">报名信息暂时无法读取，请稍后刷新。</Text>
                    )}
                  </View>
                )
              })
            )}
          </View>
        )}
      </StateView>
    </View>
  )
}
