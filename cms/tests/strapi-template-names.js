// The environment variables the jest global setup hands the test files (workers inherit it).
module.exports = {
  /** The compiled app's dist folder. */
  DIST_ENV: "HEALTH_CMS_TEST_DIST",
  /** The template database every file's database copies. */
  TEMPLATE_ENV: "HEALTH_CMS_TEST_TEMPLATE",
  TEMPLATE_PREFIX: "health_cms_template_",
}
