import { Image, Text } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { useEffect, useState } from "react"
import { downloadEscortPicture } from "./escort-pictures"

/** One private picture, loaded with the member's token; a tap opens it full size. */
export function EscortPicture(props: { token: string; imageUrl: string; testId?: string }) {
  const [path, setPath] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    downloadEscortPicture(props.token, props.imageUrl)
      .then((file) => live && setPath(file))
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
