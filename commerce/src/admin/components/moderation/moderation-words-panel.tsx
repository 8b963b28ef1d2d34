import { Badge, Button, Input, Select, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { RecordTable } from "../shared/record-table"
import { MODERATION_MESSAGES as M } from "./moderation-messages"

type Category = keyof typeof M.categories
type Word = {
  id: string
  word: string
  category: Category
  category_label: string
  active: boolean
}

/** The maintained sensitive-word list: add a word, switch one off or on, remove it. */
export function ModerationWordsPanel() {
  const [words, setWords] = useState<Word[]>()
  const [error, setError] = useState<string>()
  const [word, setWord] = useState("")
  const [category, setCategory] = useState<Category>("medical_ad")
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    adminRequest<{ words: Word[] }>("/admin/moderation/words")
      .then((answer) => setWords(answer.words))
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true)
    setError(undefined)
    try {
      await call()
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const add = () =>
    run(async () => {
      await adminRequest("/admin/moderation/words", { method: "POST", body: { word, category } })
      setWord("")
    })

  const remove = (row: Word) =>
    run(async () => {
      const answer = await fetch(`/admin/moderation/words/${encodeURIComponent(row.id)}`, {
        method: "DELETE",
        credentials: "include",
      })
      if (!answer.ok) throw new Error((await answer.json().catch(() => ({}))).message ?? "删除失败")
    })

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <div className="flex items-center gap-2">
        <Input
          size="small"
          placeholder={M.wordPlaceholder}
          value={word}
          onChange={(e) => setWord(e.target.value)}
        />
        <Select size="small" value={category} onValueChange={(v) => setCategory(v as Category)}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(M.categories).map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Button size="small" isLoading={busy} disabled={!word.trim()} onClick={add}>
          {M.addWord}
        </Button>
      </div>
      <RecordTable
        rows={words ?? []}
        rowKey={(row) => row.id}
        empty={words ? M.noWords : undefined}
        columns={[
          { header: "敏感词", cell: (row) => row.word },
          { header: "分类", cell: (row) => row.category_label },
          {
            header: "状态",
            cell: (row) => (
              <Badge size="2xsmall" color={row.active ? "green" : "grey"}>
                {row.active ? "启用" : "已停用"}
              </Badge>
            ),
          },
          {
            header: "操作",
            cell: (row) => (
              <div className="flex gap-2">
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={busy}
                  onClick={() =>
                    run(() =>
                      adminRequest(`/admin/moderation/words/${encodeURIComponent(row.id)}`, {
                        method: "POST",
                        body: { active: !row.active },
                      })
                    )
                  }
                >
                  {row.active ? M.switchOff : M.switchOn}
                </Button>
                <Button size="small" variant="danger" isLoading={busy} onClick={() => remove(row)}>
                  {M.remove}
                </Button>
              </div>
            ),
          },
        ]}
      />
    </div>
  )
}
