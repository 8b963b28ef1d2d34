import type { Core } from "@strapi/strapi"

type Strapi = Core.Strapi
type Role = { id: number; code: string; name: string; description?: string }

/**
 * Strapi's built-in admin roles under the names our editors use: 内容编辑 (Author: writes
 * and edits their own drafts, cannot publish), 内容审核 (Editor: edits and publishes
 * everything) and 超级管理员. Strapi creates the roles (with their permissions) on the
 * first start (on an empty database); we only name them.
 */
export const EDITORIAL_ROLES = [
  {
    code: "strapi-super-admin",
    defaultName: "Super Admin",
    name: "超级管理员",
    description: "管理内容后台的全部功能、设置与用户。",
  },
  {
    code: "strapi-editor",
    defaultName: "Editor",
    name: "内容审核",
    description: "审核并发布所有内容，可修改任何人的文章。",
  },
  {
    code: "strapi-author",
    defaultName: "Author",
    name: "内容编辑",
    description: "撰写并修改自己的草稿，发布需内容审核。",
  },
] as const

/** Demo logins for each editorial role (development seed); passwords come from the env. */
export const demoEditorialUsers = () =>
  [
    {
      role: "strapi-editor",
      email: process.env.CMS_EDITOR_EMAIL || "editor@health.local",
      password: process.env.CMS_EDITOR_PASSWORD || "Editor12345",
      firstname: "审核",
      lastname: "演示",
    },
    {
      role: "strapi-author",
      email: process.env.CMS_AUTHOR_EMAIL || "author@health.local",
      password: process.env.CMS_AUTHOR_PASSWORD || "Author12345",
      firstname: "编辑",
      lastname: "演示",
    },
  ] as const

export async function ensureEditorialRoles(strapi: Strapi) {
  const roles = strapi.service("admin::role")
  for (const wanted of EDITORIAL_ROLES) {
    const role = (await roles.findOne({ code: wanted.code })) as Role | null
    if (!role) {
      // Strapi makes them on its first start; one an admin deleted stays deleted.
      strapi.log.warn(`[seed] admin role ${wanted.code} (${wanted.name}) is missing`)
    } else if (role.name === wanted.defaultName) {
      // Only Strapi's English default is renamed: a name an admin chose stays.
      await roles.update({ id: role.id }, { name: wanted.name, description: wanted.description })
    }
  }
  await ensureContentTypePermissions(strapi)
}

type Permission = {
  action: string
  subject: string | null
  properties?: Record<string, unknown>
  conditions?: string[]
}

const PUBLISH = "plugin::content-manager.explorer.publish"

/**
 * Strapi grants 内容审核 and 内容编辑 their content permissions once, on the first start, for
 * the content types that exist then. A content type added later gets them here, as Strapi
 * would have: 内容审核 everything, 内容编辑 all but publishing and only on entries they
 * created. A type a role already holds any permission on is left as an admin set it.
 */
export async function ensureContentTypePermissions(strapi: Strapi) {
  const roles = strapi.service("admin::role")
  const permissions = strapi.service("admin::permission")
  const ours = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith("api::"))
  const actions = permissions.actionProvider
    .values()
    .filter((action: { section: string }) => action.section === "contentTypes")
  const full = (
    strapi.service("admin::content-type").getPermissionsWithNestedFields(actions) as Permission[]
  ).filter((permission) => ours.includes(permission.subject ?? ""))
  const grants = {
    "strapi-editor": full,
    "strapi-author": full
      .filter((permission) => permission.action !== PUBLISH)
      .map((permission) => ({ ...permission, conditions: ["admin::is-creator"] })),
  }
  for (const [code, wanted] of Object.entries(grants)) {
    const role = (await roles.findOne({ code })) as Role | null
    if (!role) continue
    const held = (await permissions.findMany({
      where: { role: { id: role.id }, subject: { $in: ours } },
    })) as Permission[]
    const known = new Set(held.map((permission) => permission.subject))
    const missing = wanted.filter((permission) => !known.has(permission.subject))
    if (missing.length) {
      await roles.addPermissions(role.id, missing)
      strapi.log.info(
        `[seed] ${code}: granted ${[...new Set(missing.map((p) => p.subject))].join(", ")}`
      )
    }
  }
}

/** Strapi's code for Simplified Chinese (`zh` is Traditional). */
export const ADMIN_LANGUAGE = "zh-Hans"

/** The demo 内容审核 and 内容编辑 logins (SEED_DEMO=1 only), unless CMS_DEMO_USERS=false. */
export async function ensureDemoEditorialUsers(strapi: Strapi) {
  if (process.env.CMS_DEMO_USERS === "false") return
  const users = strapi.service("admin::user")
  for (const demo of demoEditorialUsers()) {
    if (await users.exists({ email: demo.email })) continue
    const role = (await strapi.service("admin::role").findOne({ code: demo.role })) as Role | null
    if (!role) continue
    await users.create({
      email: demo.email,
      firstname: demo.firstname,
      lastname: demo.lastname,
      password: demo.password,
      registrationToken: null,
      isActive: true,
      roles: [role.id],
      // The admin opens in 简体中文 for them (Strapi's field name is spelled this way).
      preferedLanguage: ADMIN_LANGUAGE,
    })
  }
}
