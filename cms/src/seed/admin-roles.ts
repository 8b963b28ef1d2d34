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
}

/** Strapi's code for Simplified Chinese (`zh` is Traditional). */
export const ADMIN_LANGUAGE = "zh-Hans"

/** The demo 内容审核 and 内容编辑 logins, unless CMS_DEMO_USERS=false (production). */
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
