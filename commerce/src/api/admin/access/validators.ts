import { z } from "@medusajs/framework/zod"

export const CreateRoleBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, "角色代码须为小写字母开头的字母、数字或下划线（2–32 位）"),
  name: z.string().trim().min(1, "请填写角色名称").max(30),
  description: z.string().trim().max(200).nullish(),
  permissions: z.array(z.string()),
})

export const AssignRolesBody = z.object({ role_ids: z.array(z.string()).max(20) })

export const AuditLogQuery = z.object({
  actor_id: z.string().optional(),
  action: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export type CreateRoleBodyType = z.infer<typeof CreateRoleBody>
export type AssignRolesBodyType = z.infer<typeof AssignRolesBody>
export type AuditLogQueryType = z.infer<typeof AuditLogQuery>
