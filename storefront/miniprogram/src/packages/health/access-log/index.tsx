import { Button, Text, View } from "@tarojs/components"
import { accessLogLine, type ArchiveAccessEntry } from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { archiveAccess } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { session } from "../../../lib/session"
import { useMemberLoad } from "../../../lib/use-member-load"

const PAGE = 20

/**
 * 访问记录: who read or changed the member's health archive and when, newest first, with
 * 加载更多 for older rows (the web's 健康档案 › 访问记录).
 */
export default function AccessLog() {
  const { result, reload } = useMemberLoad((token) => archiveAccess.page(token, { limit: PAGE }))
  const [older, setOlder] = useState<ArchiveAccessEntry[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function more(shown: number) {
    const token = session.token()
    if (!token) return
    setBusy(true)
    try {
      const next = await archiveAccess.page(token, { offset: shown, limit: PAGE })
      setOlder((rows) => [...rows, ...next.entries])
      setProblem(null)
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page" data-testid="access-log">
      <StateView
        result={result}
        onRetry={() => {
          setOlder([])
          reload()
        }}
        isEmpty={(first) => first.entries.length === 0}
        empty={
          <Text>还没有访问记录。您本人、医生或平台工作人员查看或修改档案时都会记录在这里。</Text>
        }
      >
        {(first) => {
          const entries = [...first.entries, ...older]
          return (
            <View>
              <Text className="muted">
                共 {first.count} 条，医生显示姓名，平台工作人员的查看同样记录在案。
              </Text>
              {entries.map((entry) => {
                const line = accessLogLine(entry)
                return (
                  <View key={entry.id} className="section" data-testid="access-log-entry">
                    <Text className="muted">{line.when}</Text>
                    <Text>{line.text}</Text>
                  </View>
                )
              })}
              {problem ? (
                <Text className="error-text" data-testid="access-log-problem">
                  {problem}
                </Text>
              ) : null}
              {entries.length < first.count ? (
                <Button
                  data-testid="access-log-more"
                  loading={busy}
                  disabled={busy}
                  onClick={() => void more(entries.length)}
                >
                  加载更多
                </Button>
              ) : null}
            </View>
          )
        }}
      </StateView>
    </View>
  )
}
