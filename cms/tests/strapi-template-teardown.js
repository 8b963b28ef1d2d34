// jest globalTeardown: drops the run's template database.
const { admin, quote } = require("./strapi-harness")
const { TEMPLATE_ENV } = require("./strapi-template-names")

module.exports = async function dropCmsTemplate() {
  const template = process.env[TEMPLATE_ENV]
  if (template) await admin(`drop database if exists ${quote(template)} with (force)`)
}
