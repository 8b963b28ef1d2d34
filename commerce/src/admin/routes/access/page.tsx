import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LockClosedSolid } from "@medusajs/icons"
import {
  Badge,
  Button,
  Checkbox,
  Container,
  Heading,
  Input,
  Label,
  Table,
  Text,
} from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { RecordTable, type RecordColumn } from "../../components/shared/record-table"
import { adminRequest } from "../../lib/admin-request"

type Role = {
  id: string
  code: string
  name: string
  description: string | null
  permissions: string[]
  is_system: boolean
  user_count: number
}
type StaffUser = { id: string; email: string; name: string | null; roles: { id: string }[] }
type AuditEntry = {
  id: string
  actor_email: string | null
  action: string
  method: string
  path: string
  status: number
  ip: string | null
  created_at: string
}

const shanghai = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })

const AUDIT_COLUMNS: RecordColumn<AuditEntry>[] = [
  { header: "时间", cell: (entry) => shanghai(entry.created_at) },
  { header: "员工", cell: (entry) => entry.actor_email ?? "—" },
  {
    header: "操作",
    cell: (entry) =>
      entry.action === "access.denied" ? <Badge color="red">拒绝访问</Badge> : entry.action,
  },
  { header: "请求", cell: (entry) => `${entry.method} ${entry.path}` },
  { header: "结果", cell: (entry) => entry.status },
  { header: "来源地址", cell: (entry) => entry.ip ?? "—" },
]

/** 权限管理: roles, who holds them, custom roles, and the audit log (super admins only). */
const AccessPage = () => {
  const [roles, setRoles] = useState<Role[]>([])
  const [areas, setAreas] = useState<Record<string, string>>({})
  const [users, setUsers] = useState<StaffUser[]>([])
  const [audit, setAudit] = useState<AuditEntry[]>([])
  const [message, setMessage] = useState<{ text: string; error?: boolean }>()
  const [draft, setDraft] = useState({ code: "", name: "", permissions: [] as string[] })

  const load = useCallback(async () => {
    try {
      const [r, u, a] = await Promise.all([
        adminRequest<{ roles: Role[]; areas: Record<string, string> }>("/admin/access/roles"),
        adminRequest<{ users: StaffUser[] }>("/admin/access/users"),
        adminRequest<{ entries: AuditEntry[] }>("/admin/audit-log?limit=50"),
      ])
      setRoles(r.roles)
      setAreas(r.areas)
      setUsers(u.users)
      setAudit(a.entries)
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true })
    }
  }, [])
  useEffect(() => void load(), [load])

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action()
      setMessage({ text: done })
      await load()
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true })
    }
  }

  const toggleRole = (user: StaffUser, roleId: string, on: boolean) => {
    const ids = user.roles.map((r) => r.id).filter((id) => id !== roleId)
    return run(
      () =>
        adminRequest(`/admin/access/users/${user.id}/roles`, {
          method: "POST",
          body: { role_ids: on ? [...ids, roleId] : ids },
        }),
      `已更新 ${user.email} 的角色`
    )
  }

  const togglePermission = (permission: string, on: boolean) =>
    setDraft((d) => ({
      ...d,
      permissions: on
        ? [...d.permissions, permission]
        : d.permissions.filter((p) => p !== permission),
    }))

  return (
    <div className="flex flex-col gap-y-4">
      {message && (
        <Container>
          <Text className={message.error ? "text-ui-fg-error" : "text-ui-fg-interactive"}>
            {message.text}
          </Text>
        </Container>
      )}

      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading>员工与角色</Heading>
          <Text className="text-ui-fg-subtle">
            勾选即生效。没有角色的员工只能登录，看不到任何业务数据。
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>员工</Table.HeaderCell>
              {roles.map((role) => (
                <Table.HeaderCell key={role.id}>{role.name}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {users.map((user) => (
              <Table.Row key={user.id}>
                <Table.Cell>{user.name ? `${user.name}（${user.email}）` : user.email}</Table.Cell>
                {roles.map((role) => {
                  const held = user.roles.some((r) => r.id === role.id)
                  return (
                    <Table.Cell key={role.id}>
                      <Checkbox
                        aria-label={`${user.email} ${role.name}`}
                        checked={held}
                        onCheckedChange={(value) => void toggleRole(user, role.id, value === true)}
                      />
                    </Table.Cell>
                  )
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>

      <Container>
        <Heading level="h2">角色</Heading>
        <ul className="mt-2 flex flex-col gap-y-2">
          {roles.map((role) => (
            <li key={role.id}>
              <Text weight="plus">
                {role.name} <Badge size="2xsmall">{role.is_system ? "内置" : "自定义"}</Badge>{" "}
                <span className="text-ui-fg-subtle">{role.user_count} 人</span>
              </Text>
              <Text className="text-ui-fg-subtle">
                {role.description ||
                  role.permissions
                    .map(
                      (p) =>
                        `${areas[p.split(":")[0]] ?? p}${p.endsWith(":write") ? "（可修改）" : "（只读）"}`
                    )
                    .join("、")}
              </Text>
            </li>
          ))}
        </ul>
        <Heading level="h3" className="mt-6">
          新建自定义角色
        </Heading>
        <div className="mt-2 grid grid-cols-2 gap-4">
          <div>
            <Label htmlFor="role-code">角色代码</Label>
            <Input
              id="role-code"
              placeholder="如 content_viewer"
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.target.value })}
            />
          </div>
          <div>
            <Label htmlFor="role-name">角色名称</Label>
            <Input
              id="role-name"
              placeholder="如 商品只读"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </div>
        </div>
        <div className="mt-3 grid grid-cols-2 gap-2">
          {Object.entries(areas).map(([area, label]) => (
            <div key={area} className="flex items-center gap-x-4">
              <Text className="w-40">{label}</Text>
              {(["read", "write"] as const).map((mode) => {
                const permission = `${area}:${mode}`
                return (
                  <label key={mode} className="flex items-center gap-x-1">
                    <Checkbox
                      checked={draft.permissions.includes(permission)}
                      onCheckedChange={(v) => togglePermission(permission, v === true)}
                    />
                    <Text size="small">{mode === "read" ? "查看" : "修改"}</Text>
                  </label>
                )
              })}
            </div>
          ))}
        </div>
        <Button
          className="mt-4"
          onClick={() =>
            void run(
              () => adminRequest("/admin/access/roles", { method: "POST", body: draft }),
              `已创建角色「${draft.name}」`
            ).then(() => setDraft({ code: "", name: "", permissions: [] }))
          }
        >
          创建角色
        </Button>
      </Container>

      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading level="h2">审计日志</Heading>
          <Text className="text-ui-fg-subtle">
            资金、健康数据与权限相关的操作，以及被拒绝的访问（最近 50 条）。
          </Text>
        </div>
        <RecordTable
          rows={audit}
          rowKey={(entry) => entry.id}
          empty="暂无记录。"
          emptyClassName="px-6 pb-6 text-ui-fg-subtle"
          columns={AUDIT_COLUMNS}
        />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "权限管理", icon: LockClosedSolid })

export default AccessPage
