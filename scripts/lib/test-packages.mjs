// The Debian packages `npm test` needs (docker-compose for the config check, the report PDFs'
// CJK font, Chromium for the browser tests), installed in a process of its own: apt blocks,
// and the plugin builds run meanwhile. Prints the docker-compose binary's path, or nothing.
import { existsSync } from "node:fs"
import { aptInstall } from "./apt.mjs"
import { ensureChromium } from "./chromium.mjs"
import { ensureReportFont } from "./report-font.mjs"

const COMPOSE_CANDIDATES = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"]

function ensureDockerCompose() {
  if (!COMPOSE_CANDIDATES.some((candidate) => existsSync(candidate))) aptInstall(["docker-compose"])
  return COMPOSE_CANDIDATES.find((candidate) => existsSync(candidate))
}

const dockerCompose = ensureDockerCompose()
// The web's report PDF tests embed this font; they fail (not skip) when it is missing.
ensureReportFont()
ensureChromium()
console.log(`docker-compose=${dockerCompose ?? ""}`)
