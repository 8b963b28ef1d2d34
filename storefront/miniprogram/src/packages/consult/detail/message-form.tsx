import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { ApiError, type ConsultationMessage } from "@health/core"
import { useState } from "react"
import { consultations } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { uploadConsultationPicture } from "../components/consultation-files"
import { CONSULT_TEXT, MAX_CONSULT_ATTACHMENT_BYTES } from "../consult-text"

/** Writing to the doctor while 待接诊 or 进行中: a text, or a picture from the camera or album. */
export function MessageForm(props: {
  token: string
  consultationId: string
  onSent: (message: ConsultationMessage) => void
}) {
  const [text, setText] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
    } catch (error) {
      // Commerce's refusals (ApiError, or an upload's own message) say what to do; the rest is calm.
      const own = error instanceof Error && !(error instanceof ApiError) && error.message
      setProblem(own || explainError(error))
    } finally {
      setBusy(false)
    }
  }
  const send = () => {
    const trimmed = text.trim()
    if (!trimmed) return setProblem(CONSULT_TEXT.emptyMessage)
    void run(async () => {
      props.onSent(await consultations.send(props.token, props.consultationId, { text: trimmed }))
      setText("")
    })
  }
  const sendPicture = () =>
    run(async () => {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ["compressed"] }).catch(
        () => null
      )
      const file = chosen?.tempFiles?.[0]
      if (!file) return
      if (file.size > MAX_CONSULT_ATTACHMENT_BYTES) throw new Error(CONSULT_TEXT.pictureTooLarge)
      const attachmentId = await uploadConsultationPicture(
        props.token,
        props.consultationId,
        file.path
      )
      props.onSent(
        await consultations.send(props.token, props.consultationId, { attachment_id: attachmentId })
      )
    })

  return (
    <View className="section" data-testid="consultation-message-form">
      <Input
        className="field__input"
        data-testid="consultation-message-text"
        placeholder="给医生留言"
        maxlength={2000}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      {problem ? (
        <Text className="error-text" data-testid="consultation-message-error">
          {problem}
        </Text>
      ) : null}
      <View className="row">
        <Button data-testid="consultation-send-picture" disabled={busy} onClick={sendPicture}>
          发送图片
        </Button>
        <Button
          className="btn-primary"
          data-testid="consultation-send"
          disabled={busy}
          onClick={send}
        >
          发送
        </Button>
      </View>
    </View>
  )
}
