import { Image, Text } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { useEffect, useState } from "react"
import { escortAppOptions } from "./escort-app-client"

/**
 * One private picture of a task (message or report document), fetched with the escort's
 * token into a temporary file: commerce serves it to the booking's parties only.
 */
export function TaskPicture(props: { token: string; imageUrl: string; testId?: string }) {
  const [path, setPath] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    Taro.downloadFile({
      url: `${escortAppOptions.baseUrl}${props.imageUrl}`,
      header: {
        authorization: `Bearer ${props.token}`,
        "x-publishable-api-key": escortAppOptions.publishableKey,
      },
    })
      .then(({ statusCode, tempFilePath }) => {
        if (statusCode !== 200) throw new Error(String(statusCode))
        if (live) setPath(tempFilePath)
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [props.token, props.imageUrl])
  if (failed) return <Text className="muted">图片加载失败</Text>
  if (!path) return <Text className="muted">图片加载中…</Text>
  return (
    <Image
      src={path}
      mode="widthFix"
      style={{ width: "200px" }}
      data-testid={props.testId}
      onClick={() => Taro.previewImage({ urls: [path], current: path })}
    />
  )
}
