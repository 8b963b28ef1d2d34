import type { Core } from "@strapi/strapi"

/** Every content type the storefronts read. */
export const STOREFRONT_READ_TYPES = [
  "api::article.article",
  "api::article-category.article-category",
  "api::tag.tag",
  "api::constitution-type.constitution-type",
  "api::questionnaire-item.questionnaire-item",
  "api::questionnaire-version.questionnaire-version",
  "api::collection-site.collection-site",
  "api::expert.expert",
  "api::clinic-session.clinic-session",
  "api::banner.banner",
  "api::page.page",
  "api::hospital.hospital",
  "api::department.department",
  "api::landing-page.landing-page",
] as const

/** All the public and the storefront token may do: list and read those types. */
export const STOREFRONT_READ_ACTIONS = STOREFRONT_READ_TYPES.flatMap((uid) => [
  `${uid}.find`,
  `${uid}.findOne`,
])

export const STOREFRONT_TOKEN_NAME = "storefront"

/**
 * Run at every start, so what an admin widened by hand (or Strapi's defaults: sign-up,
 * password reset, a read-only token that also lists users and uploads) is narrowed again.
 */
export async function restrictContentApiAccess(strapi: Core.Strapi) {
  await restrictPublicRole(strapi)
  await restrictStorefrontToken(strapi)
  await disableRegistration(strapi)
}

async function restrictPublicRole(strapi: Core.Strapi) {
  const role = await strapi.db
    .query("plugin::users-permissions.role")
    .findOne({ where: { type: "public" } })
  if (!role) throw new Error("users-permissions public role is missing")
  const permissions = strapi.db.query("plugin::users-permissions.permission")
  const existing = (await permissions.findMany({ where: { role: role.id } })) as {
    id: number
    action: string
  }[]
  const wanted = new Set<string>(STOREFRONT_READ_ACTIONS)
  const extra = existing.filter((permission) => !wanted.has(permission.action))
  if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } })
  const have = new Set(existing.map((permission) => permission.action))
  for (const action of STOREFRONT_READ_ACTIONS.filter((a) => !have.has(a))) {
    await permissions.create({ data: { action, role: role.id } })
  }
}

/** A custom token: Strapi's read-only type reads every `find` route, users and uploads too. */
async function restrictStorefrontToken(strapi: Core.Strapi) {
  const token = (await strapi.db
    .query("admin::api-token")
    .findOne({ where: { name: STOREFRONT_TOKEN_NAME }, populate: ["permissions"] })) as {
    id: number
    type: string
    permissions?: { action: string }[]
  } | null
  if (!token) return
  const have = (token.permissions ?? []).map((permission) => permission.action).sort()
  const wanted = [...STOREFRONT_READ_ACTIONS].sort()
  if (token.type === "custom" && have.join() === wanted.join()) return
  await strapi
    .service("admin::api-token-content-api")
    .update(token.id, { type: "custom", permissions: wanted })
}

/** Members sign up in commerce; the CMS has no end users. */
async function disableRegistration(strapi: Core.Strapi) {
  const store = strapi.store({ type: "plugin", name: "users-permissions" })
  const advanced = ((await store.get({ key: "advanced" })) ?? {}) as Record<string, unknown>
  if (advanced.allow_register === false) return
  await store.set({ key: "advanced", value: { ...advanced, allow_register: false } })
}
