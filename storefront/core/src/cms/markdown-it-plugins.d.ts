// The CMS preview's syntax plugins ship no types: each is a markdown-it plugin function.
declare module "markdown-it-ins" {
  import type { PluginSimple } from "markdown-it"
  const plugin: PluginSimple
  export default plugin
}
declare module "markdown-it-mark" {
  import type { PluginSimple } from "markdown-it"
  const plugin: PluginSimple
  export default plugin
}
declare module "markdown-it-sub" {
  import type { PluginSimple } from "markdown-it"
  const plugin: PluginSimple
  export default plugin
}
declare module "markdown-it-sup" {
  import type { PluginSimple } from "markdown-it"
  const plugin: PluginSimple
  export default plugin
}
