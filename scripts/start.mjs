// `npm start`: set up everything that is missing and run the whole platform.
import { ensureDependencies } from "./lib/install.mjs"

ensureDependencies()

const { bootStack, DEMO_LOGINS } = await import("./lib/stack.mjs")
const { stopAllOnExit } = await import("./lib/processes.mjs")
const { bold, green } = await import("./lib/log.mjs")

const shutdown = stopAllOnExit()
try {
  const stack = await bootStack({ mode: "start", echo: process.env.QUIET !== "1" })
  const { urls } = stack
  console.log(`
${green("✔")} ${bold("健康服务平台已启动")}

  商城前台 (web)        ${urls.web}
  商城后台 (Medusa)     ${urls.admin}     ${DEMO_LOGINS.medusaAdmin.email} / ${DEMO_LOGINS.medusaAdmin.password}
  内容后台 (Strapi)     ${urls.cmsAdmin}   ${DEMO_LOGINS.cmsAdmin.email} / ${DEMO_LOGINS.cmsAdmin.password}
  Store API             ${urls.commerce}/store
  演示会员              ${DEMO_LOGINS.customer.email} / ${DEMO_LOGINS.customer.password}

按 Ctrl-C 停止全部服务。日志: .data/logs/start/
`)
} catch (error) {
  console.error(error.message)
  await shutdown(1)
}
