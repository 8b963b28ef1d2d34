"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useMemo, useRef, useState, useTransition } from "react"
import { assessConstitution } from "@/lib/constitution-actions"
import { ConstitutionReport } from "./constitution-report"
import { DownloadGuestPdfForm } from "./download-pdf"
import {
  clearGuestResult,
  readGuestResult,
  type GuestResult as StoredResult,
} from "./guest-result-storage"
import { PrintButton } from "./print-button"
import { useHydrated } from "./use-hydrated"
import type { ReportContent } from "./report-content"

const SAVE_AFTER_SIGN_IN = "/constitution/result?save=1"

/**
 * A visitor's result, read from this browser. Saving needs a member: a visitor signs in
 * (coming back with ?save=1) and the same answers are sent again, signed in, to be kept.
 */
export function GuestResult({
  content,
  signedIn,
  saveNow,
}: {
  content: ReportContent
  signedIn: boolean
  saveNow: boolean
}) {
  const router = useRouter()
  const hydrated = useHydrated()
  const stored = useMemo(() => (hydrated ? readGuestResult() : undefined), [hydrated])
  const [problem, setProblem] = useState<string>()
  const [saving, startSaving] = useTransition()
  const autoSaved = useRef(false)

  const save = (value: StoredResult) =>
    startSaving(async () => {
      const outcome = await assessConstitution({
        sex: value.sex,
        answers: value.answers,
        // The version answered then: if a newer one was published since, commerce refuses
        // (409) rather than score the answers with questions the visitor never saw.
        questionnaireVersion: value.result.questionnaire_version,
      })
      if ("error" in outcome) {
        setProblem(outcome.error)
        return
      }
      if (!outcome.result.saved || !outcome.result.id) {
        // The session ended on the way: ask to sign in again.
        router.push(`/account/sign-in?next=${encodeURIComponent(SAVE_AFTER_SIGN_IN)}`)
        return
      }
      clearGuestResult()
      router.push(`/constitution/report/${encodeURIComponent(outcome.result.id)}?saved=1`)
    })

  // Back from signing in with ?save=1: save once, without another click.
  useEffect(() => {
    if (stored && signedIn && saveNow && !autoSaved.current) {
      autoSaved.current = true
      save(stored)
    }
    // `save` is a fresh closure each render; the ref makes this run once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored, signedIn, saveNow])

  if (stored === undefined) return <p className="muted">正在读取测试结果…</p>
  if (stored === null) {
    return (
      <div className="empty-state" data-testid="guest-result-empty">
        <p>没有找到测试结果</p>
        <p className="muted">测试结果只保存在完成测试的浏览器中。</p>
        <Link href="/constitution/test" className="button primary">
          开始体质辨识
        </Link>
      </div>
    )
  }

  return (
    <>
      <div className="notice save-banner no-print" data-testid="save-banner">
        {saving ? (
          <p>正在保存到健康档案…</p>
        ) : signedIn ? (
          <>
            <p>这份结果还没有保存。保存后可在健康档案中查看历史变化，并获得专家的养生评估。</p>
            <button type="button" className="button primary" onClick={() => save(stored)}>
              保存到健康档案
            </button>
          </>
        ) : (
          <>
            <p>结果尚未保存。登录后保存到健康档案，可查看历史变化，并获得专家的养生评估报告。</p>
            <Link
              href={`/account/sign-in?next=${encodeURIComponent(SAVE_AFTER_SIGN_IN)}`}
              className="button primary"
              data-testid="sign-in-to-save"
            >
              登录并保存结果
            </Link>
          </>
        )}
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <ConstitutionReport
        result={stored.result}
        content={content}
        createdAt={stored.at}
        actions={
          <>
            <PrintButton />
            <DownloadGuestPdfForm
              sheet={{ sex: stored.sex, answers: stored.answers }}
              takenAt={stored.at}
            />
            <Link href="/constitution/test" className="button">
              重新测试
            </Link>
          </>
        }
      />
    </>
  )
}
