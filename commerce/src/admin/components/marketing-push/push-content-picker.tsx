import { Button, Input, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { latestOnly } from "../../lib/latest-only"

/** One candidate as GET /admin/marketing-pushes/content answers it. */
export type PushContentCandidate = {
  ref: string
  title: string
  summary: string
  link: string
  image: string | null
}

/**
 * 选择推送内容: searches one kind of content (as typed, after a short pause) and hands the
 * clicked candidate to `onPick`, which fills in the push's title, body and link.
 */
export function PushContentPicker({
  type,
  picked,
  onPick,
}: {
  type: string
  picked?: string
  onPick: (candidate: PushContentCandidate) => void
}) {
  const [q, setQ] = useState("")
  const [candidates, setCandidates] = useState<PushContentCandidate[]>()
  const [problem, setProblem] = useState<string>()
  // A slow answer for an earlier word or type must not replace the current one's.
  const search = useMemo(
    () => latestOnly((path: string) => adminRequest<{ content: PushContentCandidate[] }>(path)),
    []
  )

  useEffect(() => {
    setCandidates(undefined)
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ type, q: q.trim() })
      search(`/admin/marketing-pushes/content?${query}`)
        .then(({ content }) => {
          setProblem(undefined)
          setCandidates(content)
        })
        .catch((error) => {
          setProblem(errorText(error))
          setCandidates([])
        })
    }, 300)
    return () => clearTimeout(timer)
  }, [type, q, search])

  return (
    <div className="flex flex-col gap-y-2 rounded-md border p-3" data-testid="push-content-picker">
      <Input
        size="small"
        type="search"
        value={q}
        placeholder="搜索标题、地点或医生（留空列出最新的 20 条）"
        onChange={(e) => setQ(e.target.value)}
      />
      {problem ? (
        <Text size="small" className="text-ui-fg-error">
          {problem}
        </Text>
      ) : !candidates ? (
        <Text size="small" className="text-ui-fg-subtle">
          正在搜索…
        </Text>
      ) : candidates.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          没有找到可推送的内容，请换个关键词
        </Text>
      ) : (
        <ul className="flex max-h-64 flex-col gap-y-1 overflow-y-auto">
          {candidates.map((candidate) => (
            <li key={candidate.ref} className="flex items-center gap-3">
              {candidate.image ? (
                <img src={candidate.image} alt="" className="h-10 w-10 rounded object-cover" />
              ) : null}
              <div className="flex min-w-0 flex-1 flex-col">
                <Text size="small" weight="plus" className="truncate">
                  {candidate.title}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {candidate.summary || candidate.link}
                </Text>
              </div>
              <Button
                size="small"
                variant={picked === candidate.ref ? "primary" : "secondary"}
                onClick={() => onPick(candidate)}
              >
                {picked === candidate.ref ? "已选用" : "选用"}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
