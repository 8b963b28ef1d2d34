import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { confirmEscortService, disputeEscortBooking } from "@health/core"
import { useState } from "react"
import { appConfig } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { taroFetch } from "../../../lib/taro-fetch"

const TAGS = ["准时", "耐心细致", "专业熟练", "沟通顺畅", "服务周到"]

const commerce = () => ({
  baseUrl: appConfig.commerceUrl,
  publishableKey: appConfig.publishableKey,
  fetch: taroFetch,
})

/**
 * After 服务完成: rate the escort (1–5 stars, optional tags) while confirming, or dispute the
 * service instead; either way the page reloads the booking. Nothing at any other status.
 */
export function ConfirmService(props: {
  token: string
  bookingId: string
  status: string
  onDone: () => Promise<void>
}) {
  const [rating, setRating] = useState(0)
  const [tags, setTags] = useState<string[]>([])
  const [disputing, setDisputing] = useState(false)
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (props.status !== "completed") return null
  const run = async (work: () => Promise<string>) => {
    setBusy(true)
    setProblem(null)
    try {
      Taro.showToast({ title: await work(), icon: "success" })
      await props.onDone()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }
  const confirm = () =>
    run(async () => {
      await confirmEscortService(commerce(), props.token, props.bookingId, { rating, tags })
      return "感谢您的评价"
    })
  const dispute = () =>
    run(async () => {
      await disputeEscortBooking(commerce(), props.token, props.bookingId, reason.trim())
      return "申诉已提交"
    })

  return (
    <View className="section" data-testid="escort-confirm-service">
      {problem ? (
        <Text className="error-text" data-testid="escort-confirm-error">
          {problem}
        </Text>
      ) : null}
      {disputing ? (
        <View>
          <Text className="section__title">申诉原因</Text>
          <Input
            data-testid="escort-dispute-reason"
            placeholder="请描述遇到的问题，如迟到、未按约定陪同等"
            value={reason}
            maxlength={500}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button
            className="btn-primary"
            data-testid="escort-dispute-submit"
            disabled={busy || !reason.trim()}
            onClick={dispute}
          >
            提交申诉
          </Button>
          <Button onClick={() => setDisputing(false)}>返回评价</Button>
        </View>
      ) : (
        <View>
          <Text className="section__title">为陪诊员打分</Text>
          <View>
            {[1, 2, 3, 4, 5].map((star) => (
              <Button
                key={star}
                size="mini"
                data-testid={`escort-star-${star}`}
                className={star <= rating ? "star star--on" : "star"}
                onClick={() => setRating(star)}
              >
                {star <= rating ? "★" : "☆"}
              </Button>
            ))}
          </View>
          <View>
            {TAGS.map((tag) => (
              <Button
                key={tag}
                size="mini"
                data-testid={`escort-tag-${tag}`}
                className={tags.includes(tag) ? "chip chip--on" : "chip"}
                onClick={() =>
                  setTags(tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag])
                }
              >
                {tag}
              </Button>
            ))}
          </View>
          <Button
            className="btn-primary"
            data-testid="escort-rate-confirm"
            disabled={busy || rating === 0}
            onClick={confirm}
          >
            {rating === 0 ? "请先打分" : "评价并确认完成"}
          </Button>
          <Button data-testid="escort-dispute" onClick={() => setDisputing(true)}>
            服务有问题，我要申诉
          </Button>
        </View>
      )}
    </View>
  )
}
