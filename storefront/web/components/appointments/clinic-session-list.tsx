"use client"

import {
  clinicSignupState,
  formatDateTime,
  type ClinicSession,
  type ClinicSessionState,
  type ClinicSignup,
} from "@health/core"
import { useState, useTransition } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

type Act = (sessionId: string) => Promise<AccountActionState>

/** 线下义诊: upcoming sessions with the places left and a sign-up or waitlist button. */
export function ClinicSessionList({
  sessions,
  signUp,
  cancel,
}: {
  sessions: { session: ClinicSession; state: ClinicSessionState | null }[]
  signUp: Act
  cancel: Act
}) {
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<AccountActionState>()

  if (sessions.length === 0) {
    return <p className="muted">近期没有线下义诊，发布后会显示在这里。</p>
  }
  return (
    <>
      <FormFeedback state={state} />
      <ul className="clinic-sessions" data-testid="clinic-sessions">
        {sessions.map(({ session, state: mine }) => {
          const capacity = session.capacity ?? 20
          const choice = mine ? clinicSignupState(mine, capacity) : null
          return (
            <li key={session.documentId} className="card" data-testid="clinic-session">
              <div className="card-body">
                <strong>{session.title}</strong>
                <p className="muted">
                  {formatDateTime(session.starts_at)}
                  {session.place ? ` · ${session.place}` : ""}
                  {session.expert ? ` · ${session.expert.name}` : ""}
                </p>
                {choice ? (
                  <div className="form-actions">
                    <span className="muted">{choice.note}</span>
                    <button
                      type="button"
                      className={choice.action === "cancel" ? "button" : "button primary"}
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () =>
                          setState(
                            await (choice.action === "cancel" ? cancel : signUp)(session.documentId)
                          )
                        )
                      }
                    >
                      {choice.label}
                    </button>
                  </div>
                ) : (
                  <p className="muted">报名信息暂时无法读取，请稍后刷新。</p>
                )}
              </div>
            </li>
          )
        })}
      </ul>
    </>
  )
}

/** The member's own sign-ups, with a way out of each. */
export function MySignupList({ signups, cancel }: { signups: ClinicSignup[]; cancel: Act }) {
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<AccountActionState>()
  return (
    <>
      <FormFeedback state={state} />
      <ul className="clinic-sessions" data-testid="my-clinic-signups">
        {signups.map((signup) => (
          <li key={signup.id} className="card">
            <div className="card-body">
              <div className="appointment-head">
                <strong>{signup.session.title}</strong>
                <span className={signup.status === "confirmed" ? "kit-badge success" : "kit-badge"}>
                  {signup.status === "waitlisted"
                    ? `候补第 ${signup.waitlist_position ?? 1} 位`
                    : signup.status_label}
                </span>
              </div>
              <p className="muted">
                {formatDateTime(signup.session.starts_at)}
                {signup.session.place ? ` · ${signup.session.place}` : ""}
              </p>
              <button
                type="button"
                className="button"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => setState(await cancel(signup.session.id)))
                }
              >
                {signup.status === "waitlisted" ? "退出候补" : "取消报名"}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
