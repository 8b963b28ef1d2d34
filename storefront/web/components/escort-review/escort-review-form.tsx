"use client"

import type { EscortReviewInput, EscortReviewPair } from "@health/core"
import { useCallback, useEffect, useState, useTransition } from "react"

export type EscortReviewApi = {
  load: () => Promise<EscortReviewPair>
  submit: (input: EscortReviewInput) => Promise<EscortReviewPair>
  report: (reason: string) => Promise<void>
}

const DONE_STATUSES = ["completed", "confirmed", "reviewed"]

const stars = (n: number) => "★".repeat(n) + "☆".repeat(5 - n)

/**
 * The two-way review after a service, for either side: the writer's stars, tags and text
 * while the pair is sealed ("对方已评价，双方评价后同时公开"), then both reviews at once.
 * `title` names the other side (陪诊员 / 会员); `tags` are the suggested ones.
 */
export function EscortReviewForm({
  status,
  title,
  tags: suggested,
  api,
}: {
  status: string
  title: string
  tags: string[]
  api: EscortReviewApi
}) {
  const [pair, setPair] = useState<EscortReviewPair>()
  const [rating, setRating] = useState(0)
  const [tags, setTags] = useState<string[]>([])
  const [text, setText] = useState("")
  const [reason, setReason] = useState("")
  const [reporting, setReporting] = useState(false)
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [pending, startTransition] = useTransition()
  const done = DONE_STATUSES.includes(status)

  const show = useCallback((next: EscortReviewPair) => {
    setPair(next)
    if (next.mine) {
      setRating(next.mine.rating)
      setTags(next.mine.tags)
      setText(next.mine.text ?? "")
    }
  }, [])

  useEffect(() => {
    if (!done) return
    api.load().then(show, (e: Error) => setError(e.message))
  }, [api, done, show])

  if (!done || !pair) {
    return error ? (
      <p className="form-error" role="alert">
        {error}
      </p>
    ) : null
  }

  const act = (run: () => Promise<void>) =>
    startTransition(async () => {
      setError(undefined)
      setNotice(undefined)
      try {
        await run()
      } catch (e) {
        setError((e as Error).message)
      }
    })

  const toggle = (tag: string) =>
    setTags((current) =>
      current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag].slice(0, 5)
    )

  return (
    <section className="escort-review" data-testid="escort-review" aria-label={`评价${title}`}>
      <h2>评价{title}</h2>
      <p className="form-notice" role="status" data-testid="escort-review-state">
        {pair.state_label}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notice && <p className="form-notice">{notice}</p>}
      {pair.mine && pair.mine.moderation !== "clear" && (
        <p className="form-hint">
          {pair.mine.moderation_label}
          {pair.mine.rejected_reason ? `：${pair.mine.rejected_reason}` : ""}
        </p>
      )}
      {pair.can_write ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            act(async () => {
              const next = await api.submit({ rating, tags, text })
              show(next)
              // The second review opens both at once: say so, not "wait for the other side".
              setNotice(
                next.state === "opened"
                  ? "评价已提交，双方评价已同时公开"
                  : "评价已提交，双方评价后同时公开"
              )
            })
          }}
        >
          <div role="radiogroup" aria-label="评分">
            {[1, 2, 3, 4, 5].map((star) => (
              <button
                key={star}
                type="button"
                role="radio"
                aria-checked={rating === star}
                aria-label={`${star} 星`}
                className={star <= rating ? "star star-on" : "star"}
                onClick={() => setRating(star)}
              >
                ★
              </button>
            ))}
          </div>
          <fieldset className="tag-choices">
            <legend>标签（可选）</legend>
            {suggested.map((tag) => (
              <label key={tag}>
                <input type="checkbox" checked={tags.includes(tag)} onChange={() => toggle(tag)} />
                {tag}
              </label>
            ))}
          </fieldset>
          <label>
            评价内容（可选，500 字以内）
            <textarea maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" disabled={!rating || pending}>
            {rating ? (pair.mine ? "修改评价" : "提交评价") : "请先打分"}
          </button>
        </form>
      ) : (
        pair.mine && (
          <div className="escort-review-mine">
            <p>我的评价：{stars(pair.mine.rating)}</p>
            {pair.mine.tags.length > 0 && <p>{pair.mine.tags.join("、")}</p>}
            {pair.mine.text && <p>{pair.mine.text}</p>}
          </div>
        )
      )}
      {pair.theirs && (
        <div className="escort-review-theirs" data-testid="escort-review-theirs">
          <p>
            {pair.theirs.from}的评价：{stars(pair.theirs.rating)}
          </p>
          {pair.theirs.tags.length > 0 && <p>{pair.theirs.tags.join("、")}</p>}
          {pair.theirs.text && <p>{pair.theirs.text}</p>}
          {reporting ? (
            <form
              onSubmit={(event) => {
                event.preventDefault()
                act(async () => {
                  await api.report(reason)
                  setReporting(false)
                  setNotice("举报已提交，平台会尽快审核")
                })
              }}
            >
              <label>
                举报原因
                <textarea
                  maxLength={200}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </label>
              <button type="submit" disabled={!reason.trim() || pending}>
                提交举报
              </button>
            </form>
          ) : (
            <button type="button" className="link-button" onClick={() => setReporting(true)}>
              举报这条评价
            </button>
          )}
        </div>
      )}
    </section>
  )
}
