import { Badge, Button, Input, Select, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { RecordTable } from "../shared/record-table"
import { OFFICIAL_ACCOUNT_MESSAGES as M } from "./official-account-messages"

type Kind = keyof typeof M.kinds
type Mode = keyof typeof M.modes
type Rule = {
  id: string
  kind: Kind
  match: string
  match_mode: Mode
  reply_text: string
  enabled: boolean
  priority: number
}

const RULES = "/admin/official-account/reply-rules"

/** 自动回复: add a keyword, click or follow reply; switch one off or on; remove it. */
export function ReplyRulesPanel() {
  const [rules, setRules] = useState<Rule[]>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [kind, setKind] = useState<Kind>("keyword")
  const [mode, setMode] = useState<Mode>("exact")
  const [match, setMatch] = useState("")
  const [reply, setReply] = useState("")

  const load = useCallback(() => {
    adminRequest<{ reply_rules: Rule[] }>(RULES)
      .then((answer) => setRules(answer.reply_rules))
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
      await adminRequest(RULES, {
        method: "POST",
        body: { kind, match: kind === "follow" ? "" : match, match_mode: mode, reply_text: reply },
      })
      setMatch("")
      setReply("")
    })

  const remove = (rule: Rule) =>
    run(async () => {
      const answer = await fetch(`${RULES}/${encodeURIComponent(rule.id)}`, {
        method: "DELETE",
        credentials: "include",
      })
      if (!answer.ok) throw new Error((await answer.json().catch(() => ({}))).message ?? "删除失败")
    })

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <div className="flex flex-wrap items-start gap-2">
        <Select size="small" value={kind} onValueChange={(v) => setKind(v as Kind)}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(M.kinds).map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Input
          size="small"
          placeholder={M.matchPlaceholder[kind]}
          disabled={kind === "follow"}
          value={kind === "follow" ? "" : match}
          onChange={(e) => setMatch(e.target.value)}
        />
        {kind === "keyword" && (
          <Select size="small" value={mode} onValueChange={(v) => setMode(v as Mode)}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {Object.entries(M.modes).map(([value, label]) => (
                <Select.Item key={value} value={value}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
        <Textarea
          className="min-w-[280px] flex-1"
          placeholder={M.replyPlaceholder}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
        />
        <Button
          size="small"
          isLoading={busy}
          disabled={!reply.trim() || (kind !== "follow" && !match.trim())}
          onClick={add}
        >
          {M.addRule}
        </Button>
      </div>
      <RecordTable
        rows={rules ?? []}
        rowKey={(rule) => rule.id}
        empty={rules ? M.noRules : undefined}
        columns={[
          { header: "类型", cell: (rule) => M.kinds[rule.kind] },
          {
            header: "匹配",
            cell: (rule) =>
              rule.kind === "follow"
                ? "—"
                : `${rule.match}${rule.kind === "keyword" ? `（${M.modes[rule.match_mode]}）` : ""}`,
          },
          { header: "回复", cell: (rule) => rule.reply_text },
          {
            header: "状态",
            cell: (rule) => (
              <Badge size="2xsmall" color={rule.enabled ? "green" : "grey"}>
                {rule.enabled ? "启用" : "已停用"}
              </Badge>
            ),
          },
          {
            header: "操作",
            cell: (rule) => (
              <div className="flex gap-2">
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={busy}
                  onClick={() =>
                    run(() =>
                      adminRequest(`${RULES}/${encodeURIComponent(rule.id)}`, {
                        method: "POST",
                        body: { enabled: !rule.enabled },
                      })
                    )
                  }
                >
                  {rule.enabled ? M.switchOff : M.switchOn}
                </Button>
                <Button size="small" variant="danger" isLoading={busy} onClick={() => remove(rule)}>
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
