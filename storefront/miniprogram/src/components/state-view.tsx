import { Button, Text, View } from "@tarojs/components"
import { messages } from "@health/core"
import type { ReactNode } from "react"
import type { Loaded } from "../lib/use-load"
import "./state-view.css"

type Props<T> = {
  result: Loaded<T>
  onRetry?: () => void
  /** Shown instead of children when `isEmpty(data)`. */
  empty?: ReactNode
  isEmpty?: (data: T) => boolean
  children: (data: T) => ReactNode
}

/** Loading, error (with 重试) and empty states around a page's data. */
export function StateView<T>({ result, onRetry, empty, isEmpty, children }: Props<T>) {
  if (result.state === "loading")
    return (
      <View className="state state--loading" data-testid="state-loading">
        <Text>加载中…</Text>
      </View>
    )
  if (result.state === "error")
    return (
      <View className="state state--error" data-testid="state-error">
        <Text>{result.message}</Text>
        {onRetry ? (
          <Button size="mini" onClick={onRetry}>
            {messages.errors.retry}
          </Button>
        ) : null}
      </View>
    )
  if (isEmpty?.(result.data))
    return (
      <View className="state state--empty" data-testid="state-empty">
        {empty}
      </View>
    )
  return <>{children(result.data)}</>
}
