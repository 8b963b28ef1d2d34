import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  ESCORT_REVIEW_TAGS,
  getEscortReview,
  MEMBER_REVIEW_TAGS,
  reportEscortReview,
  submitEscortReview,
  type EscortReviewPair,
} from "@health/core"
import { useEffect, useState } from "react"
import { appConfig } from "../lib/config"
import { explainError } from "../lib/explain-error"
import { taroFetch } from "../lib/taro-fetch"

const DONE_STATUSES = ["completed", "confirmed", "reviewed"]

const commerce = () => ({
  baseUrl: appConfig.commerceUrl ?? "",
  publishableKey: appConfig.publishableKey ?? "",
  fetch: taroFetch,
})

const stars = (n: number) => "★".repeat(n) + "☆".repeat(5 - n)

/**
 * The two-way review after a service, for the member (of the escort) and the escort (of the
 * member): sealed until both wrote or 48 h passed ("对方已评价，双方评价后同时公开"), then
 * both shown, the other side anonymous. Mounted in one line on each side's page.
 */
export function EscortReviewSection(props: {
  token: string
  bookingId: string
  status: string
  side: "member" | "escort"
}) {
  const { token, bookingId, side } = props
  const [pair, setPair] = useState<EscortReviewPair | null>(null)
  const [rating, setRating] = useState(0)
  const [tags, setTags] = useState<string[]>([])
  const [text, setText] = useState("")
  const [reason, setReason] = useState("")
  const [reporting, setReporting] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const done = DONE_STATUSES.includes(props.status)
  const suggested = side === "member" ? MEMBER_REVIEW_TAGS : ESCORT_REVIEW_TAGS

  const show = (next: EscortReviewPair) => {
    setPair(next)
    if (next.mine) {
      setRating(next.mine.rating)
      setTags(next.mine.tags)
      setText(next.mine.text ?? "")
    }
  }

  useEffect(() => {
    if (!done) return
    getEscortReview(commerce(), token, side, bookingId).then(show, (e) =>
      setProblem(explainError(e))
    )
  }, [done, token, side, bookingId])

  if (!done || !pair) {
    return problem ? <Text className="error-text">{problem}</Text> : null
  }

  const run = async (work: () => Promise<string>) => {
    setBusy(true)
    setProblem(null)
    try {
      Taro.showToast({ title: await work(), icon: "success" })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section" data-testid="escort-review">
      <Text className="section__title">{side === "member" ? "评价陪诊员" : "评价会员"}</Text>
      <Text className="muted" data-testid="escort-review-state">
        {pair.state_label}
      </Text>
      {problem ? (
        <Text className="error-text" data-testid="escort-review-error">
          {problem}
        </Text>
      ) : null}
      {pair.mine && pair.mine.moderation !== "clear" ? (
        <Text className="muted">
          {pair.mine.moderation_label}
          {pair.mine.rejected_reason ? `：${pair.mine.rejected_reason}` : ""}
        </Text>
      ) : null}
      {pair.can_write ? (
        <View>
          <View>
            {[1, 2, 3, 4, 5].map((star) => (
              <Button
                key={star}
                size="mini"
                data-testid={`escort-review-star-${star}`}
                className={star <= rating ? "star star--on" : "star"}
                onClick={() => setRating(star)}
              >
                {star <= rating ? "★" : "☆"}
              </Button>
            ))}
          </View>
          <View>
            {suggested.map((tag) => (
              <Button
                key={tag}
                size="mini"
                className={tags.includes(tag) ? "chip chip--on" : "chip"}
                onClick={() =>
                  setTags(tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag])
                }
              >
                {tag}
              </Button>
            ))}
          </View>
          <Input
            data-testid="escort-review-text"
            placeholder="说说这次服务（可选，500 字以内）"
            value={text}
            maxlength={500}
            onInput={(e) => setText(e.detail.value)}
          />
          <Button
            className="btn-primary"
            data-testid="escort-review-submit"
            disabled={busy || rating === 0}
            onClick={() =>
              run(async () => {
                show(
                  await submitEscortReview(commerce(), token, side, bookingId, {
                    rating,
                    tags,
                    text,
                  })
                )
                return "评价已提交"
              })
            }
          >
            {rating === 0 ? "请先打分" : pair.mine ? "修改评价" : "提交评价"}
          </Button>
        </View>
      ) : pair.mine ? (
        <View>
          <Text>我的评价：{stars(pair.mine.rating)}</Text>
          {pair.mine.text ? <Text>{pair.mine.text}</Text> : null}
        </View>
      ) : null}
      {pair.theirs ? (
        <View data-testid="escort-review-theirs">
          <Text>
            {pair.theirs.from}的评价：{stars(pair.theirs.rating)}
          </Text>
          {pair.theirs.tags.length ? <Text>{pair.theirs.tags.join("、")}</Text> : null}
          {pair.theirs.text ? <Text>{pair.theirs.text}</Text> : null}
          {reporting ? (
            <View>
              <Input
                placeholder="举报原因"
                value={reason}
                maxlength={200}
                onInput={(e) => setReason(e.detail.value)}
              />
              <Button
                disabled={busy || !reason.trim()}
                onClick={() =>
                  run(async () => {
                    await reportEscortReview(commerce(), token, side, bookingId, reason.trim())
                    setReporting(false)
                    return "举报已提交"
                  })
                }
              >
                提交举报
              </Button>
            </View>
          ) : (
            <Button size="mini" onClick={() => setReporting(true)}>
              举报这条评价
            </Button>
          )}
        </View>
      ) : null}
    </View>
  )
}
