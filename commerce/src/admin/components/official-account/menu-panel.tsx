import { Button, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { OFFICIAL_ACCOUNT_MESSAGES as M } from "./official-account-messages"

type Menu = {
  buttons: unknown[]
  published_at: string | null
  last_publish_errcode: number | null
  last_publish_errmsg: string | null
}

const MENU = "/admin/official-account/menu"

const beijing = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "short",
  timeStyle: "short",
})

/** 自定义菜单: the buttons as WeChat's JSON, saved, then published with menu/create. */
export function MenuPanel() {
  const [menu, setMenu] = useState<Menu>()
  const [draft, setDraft] = useState("")
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const show = (answer: { menu: Menu }) => {
    setMenu(answer.menu)
    setDraft(JSON.stringify(answer.menu.buttons, null, 2))
  }
  const load = useCallback(() => {
    adminRequest<{ menu: Menu }>(MENU)
      .then(show)
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const run = async (call: () => Promise<{ menu: Menu }>) => {
    setBusy(true)
    setError(undefined)
    try {
      show(await call())
    } catch (e) {
      setError(errorText(e))
      load()
    } finally {
      setBusy(false)
    }
  }

  const save = () =>
    run(async () => {
      let button: unknown
      try {
        button = JSON.parse(draft)
      } catch {
        throw new Error(M.menuInvalidJson)
      }
      return adminRequest<{ menu: Menu }>(MENU, { method: "POST", body: { button } })
    })
  const publish = () =>
    run(() => adminRequest<{ menu: Menu }>(`${MENU}/publish`, { method: "POST" }))

  return (
    <div className="flex flex-col gap-3">
      <Text className="text-ui-fg-subtle">{M.menuHint}</Text>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <Textarea
        className="min-h-[220px] font-mono"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="flex items-center gap-3">
        <Button size="small" variant="secondary" isLoading={busy} onClick={save}>
          {M.saveMenu}
        </Button>
        <Button size="small" isLoading={busy} disabled={!menu?.buttons.length} onClick={publish}>
          {M.publishMenu}
        </Button>
        <Text size="small" className="text-ui-fg-subtle">
          {menu?.published_at
            ? `上次发布：${beijing.format(new Date(menu.published_at))}`
            : M.neverPublished}
          {menu?.last_publish_errcode
            ? `；最近一次被拒绝（${menu.last_publish_errcode}）：${menu.last_publish_errmsg ?? ""}`
            : ""}
        </Text>
      </div>
    </div>
  )
}
