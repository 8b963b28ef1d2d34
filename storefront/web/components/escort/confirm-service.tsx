"use client"

import { useState, useTransition } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

export const ESCORT_RATING_TAGS = ["准时", "耐心细致", "专业熟练", "沟通顺畅", "服务周到"]

/**
 * After 服务完成: the member rates the escort (1–5 stars, optional tags) while confirming, or
 * disputes the service instead. Shown only while the booking is 服务完成.
 */
export function ConfirmService({
  bookingId,
  status,
  confirm,
  dispute,
}: {
  bookingId: string
  status: string
  confirm: (id: string, rating: number, tags: string[]) => Promise<AccountActionState>
  dispute: (id: string, reason: string) => Promise<AccountActionState>
}) {
  const [rating, setRating] = useState(0)
  const [tags, setTags] = useState<string[]>([])
  const [disputing, setDisputing] = useState(false)
  const [reason, setReason] = useState("")
  const [state, setState] = useState<AccountActionState>()
  const [done, setDone] = useState(false)
  const [pending, startTransition] = useTransition()

  if (status !== "completed") return null
  const act = (run: () => Promise<AccountActionState>) =>
    startTransition(async () => {
      const result = await run()
      setState(result)
      if (result?.notice) setDone(true)
    })

  return (
    <section className="escort-confirm" data-testid="escort-confirm-service" aria-label="确认服务">
      <FormFeedback state={state} />
      {!done && !disputing && (
        <>
          <p>服务已完成，请为陪诊员打分：</p>
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
          <div className="chip-row">
            {ESCORT_RATING_TAGS.map((tag) => (
              <label key={tag} className="chip">
                <input
                  type="checkbox"
                  checked={tags.includes(tag)}
                  onChange={(e) =>
                    setTags(e.target.checked ? [...tags, tag] : tags.filter((t) => t !== tag))
                  }
                />
                {tag}
              </label>
            ))}
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={pending || rating === 0}
              onClick={() => act(() => confirm(bookingId, rating, tags))}
            >
              {rating === 0 ? "请先打分" : "评价并确认完成"}
            </button>
            <button type="button" className="button-secondary" onClick={() => setDisputing(true)}>
              服务有问题，我要申诉
            </button>
          </div>
        </>
      )}
      {!done && disputing && (
        <>
          <label>
            申诉原因
            <textarea
              value={reason}
              maxLength={500}
              placeholder="请描述遇到的问题，如迟到、未按约定陪同等"
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={pending || !reason.trim()}
              onClick={() => act(() => dispute(bookingId, reason))}
            >
              提交申诉
            </button>
            <button type="button" className="button-secondary" onClick={() => setDisputing(false)}>
              返回评价
            </button>
          </div>
        </>
      )}
    </section>
  )
}
