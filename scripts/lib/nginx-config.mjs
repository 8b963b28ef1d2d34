import path from "node:path"
import { fileURLToPath } from "node:url"

/**
 * The reverse proxy's nginx.conf, as `npm run start:cluster` runs it: one `server` per
 * public port, each in front of an upstream of one or more app servers.
 *
 * What every site gets, and why:
 * - X-Forwarded-For and X-Real-IP are the connection's own address, never a client's header,
 *   so commerce and web (TRUSTED_PROXIES) believe exactly what the proxy saw.
 * - X-Request-Id: the client's when it is a plain short token, otherwise one nginx makes;
 *   it is also sent back, so a support request can name it.
 * - A failed connection, a timeout, a 502 or a 503 is retried on the next server (a POST only
 *   when it never reached the first one), and a server that fails `maxFails` times rests
 *   `failTimeout` (passive health checks: open-source nginx has no active ones).
 * - No upstream keep-alive: a stopping server closes idle connections, and a POST written
 *   into one of them could not be retried.
 */

const FORWARDED_HEADERS = [
  "Host $http_host",
  "X-Forwarded-For $remote_addr",
  "X-Real-IP $remote_addr",
  "X-Forwarded-Proto $scheme",
  "X-Request-Id $request_id_out",
  "Upgrade $http_upgrade",
  "Connection $connection_upgrade",
]

/**
 * @typedef {object} Site
 * @property {string} name upstream name (letters, digits, _)
 * @property {number | string} listen port, or address:port
 * @property {string[]} servers host:port of each app server
 * @property {string} [maxBodySize] client_max_body_size (default 25m)
 * @property {boolean} [streamUploads] pass request bodies on as they arrive (large uploads)
 * @property {boolean} [clearShopperHeaders] drop x-shopper-ip and x-web-forward-secret: only
 *   the web, on the internal listener, may name a shopper to commerce
 * @property {{ location: string, name: string, servers: string[] }[]} [routes] paths of this
 *   port served by other servers (the 视频问诊 signalling WebSocket at /ws/video), each its
 *   own upstream, with an hour's read timeout so a quiet call's socket stays open
 */

/**
 * @param {object} options
 * @param {Site[]} options.sites
 * @param {string} [options.runtimeDir] where pid, logs and temp files go (a non-root nginx
 *   started with `-p`); without it nginx's packaged defaults apply (the Docker image)
 * @param {string} [options.user] the worker processes' user when the master runs as root
 * @param {number} [options.maxFails] failures before a server rests (default 2)
 * @param {string} [options.failTimeout] how long it rests (default 10s)
 * @param {number | "auto"} [options.workerProcesses]
 * @param {string[]} [options.header] comment lines on top
 */
export function renderNginxConfig({
  sites,
  runtimeDir,
  user,
  maxFails = 2,
  failTimeout = "10s",
  workerProcesses = 1,
  header = [],
}) {
  for (const site of sites) {
    if (!/^\w+$/.test(site.name)) throw new Error(`nginx site name "${site.name}" is not a word`)
    if (site.servers.length === 0) throw new Error(`nginx site ${site.name} has no servers`)
  }
  const inRuntime = (...parts) => path.join(runtimeDir, ...parts)
  const lines = []
  const emit = (indent, text) => lines.push(`${"  ".repeat(indent)}${text}`)

  emit(0, "# Rendered by scripts/lib/nginx-config.mjs; change that file, not this one.")
  for (const line of header) emit(0, `# ${line}`)
  if (user) emit(0, `user ${user};`)
  emit(0, `worker_processes ${workerProcesses};`)
  if (runtimeDir) {
    emit(0, "daemon off;")
    emit(0, `pid ${inRuntime("nginx.pid")};`)
    emit(0, `error_log ${inRuntime("logs", "error.log")} warn;`)
  }
  emit(0, "events {")
  emit(1, "worker_connections 1024;")
  emit(0, "}")
  emit(0, "http {")
  emit(1, "server_tokens off;")
  if (runtimeDir) {
    for (const kind of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
      emit(1, `${kind}_temp_path ${inRuntime("temp", kind)};`)
    }
  }
  // Method and path only: query strings may carry phone numbers or codes.
  emit(
    1,
    `log_format cluster '$time_iso8601 $request_id_out $remote_addr "$request_method $uri" $status $upstream_addr $request_time';`
  )
  emit(
    1,
    runtimeDir
      ? `access_log ${inRuntime("logs", "access.log")} cluster;`
      : "access_log /dev/stdout cluster;"
  )
  emit(1, "proxy_http_version 1.1;")
  emit(1, "proxy_connect_timeout 2s;")
  emit(1, "proxy_read_timeout 300s;")
  emit(1, "proxy_send_timeout 300s;")
  emit(1, "proxy_next_upstream error timeout http_502 http_503;")
  emit(1, "proxy_next_upstream_tries 3;")
  emit(1, "map $http_upgrade $connection_upgrade {")
  emit(2, "default upgrade;")
  emit(2, '"" close;')
  emit(1, "}")
  emit(1, "map $http_x_request_id $request_id_out {")
  emit(2, '"~^[A-Za-z0-9._-]{8,64}$" $http_x_request_id;')
  emit(2, "default $request_id;")
  emit(1, "}")
  // Commerce answers with the id it was given; one header, whoever sets it.
  emit(1, "proxy_hide_header X-Request-Id;")
  emit(1, "add_header X-Request-Id $request_id_out always;")

  for (const site of sites) {
    for (const upstream of [site, ...(site.routes ?? [])]) {
      emit(1, `upstream ${upstream.name} {`)
      for (const server of upstream.servers) {
        emit(2, `server ${server} max_fails=${maxFails} fail_timeout=${failTimeout};`)
      }
      emit(1, "}")
    }
    emit(1, "server {")
    emit(2, `listen ${site.listen};`)
    emit(2, `client_max_body_size ${site.maxBodySize ?? "25m"};`)
    if (site.streamUploads) emit(2, "proxy_request_buffering off;")
    emit(2, "location / {")
    for (const header of FORWARDED_HEADERS) emit(3, `proxy_set_header ${header};`)
    if (site.clearShopperHeaders !== false) {
      emit(3, 'proxy_set_header x-shopper-ip "";')
      emit(3, 'proxy_set_header x-web-forward-secret "";')
    }
    emit(3, `proxy_pass http://${site.name};`)
    emit(2, "}")
    for (const route of site.routes ?? []) {
      emit(2, `location ${route.location} {`)
      for (const header of FORWARDED_HEADERS) emit(3, `proxy_set_header ${header};`)
      emit(3, "proxy_read_timeout 3600s;")
      emit(3, `proxy_pass http://${route.name};`)
      emit(2, "}")
    }
    emit(1, "}")
  }
  emit(0, "}")
  return `${lines.join("\n")}\n`
}

/**
 * docker-compose's proxy (scripts/docker/nginx.conf is this, rendered): service names instead
 * of ports, each resolved to every replica when nginx starts (restart the proxy after scaling).
 * The web reaches commerce directly on the network, so no internal listener here.
 */
export function dockerNginxConfig() {
  return renderNginxConfig({
    workerProcesses: "auto",
    header: [
      "docker-compose.yml's proxy: the stack's only published ports. It replaces X-Forwarded-For",
      "with the connection's own address, so the one entry commerce and web believe (they trust",
      "this proxy's fixed address, TRUSTED_PROXIES) is never written by a client.",
      "Put TLS in front of it, or here, in production.",
    ],
    sites: [
      {
        name: "commerce",
        listen: 9000,
        servers: ["commerce:9000"],
        maxBodySize: "1100m",
        streamUploads: true,
        routes: [
          { location: "/ws/video", name: "video_signalling", servers: ["video-signalling:9020"] },
        ],
      },
      { name: "cms", listen: 1337, servers: ["cms:1337"], maxBodySize: "200m" },
      { name: "web", listen: 8000, servers: ["web:8000"], maxBodySize: "25m" },
      { name: "miniprogram_h5", listen: 10086, servers: ["miniprogram-h5:10086"] },
    ],
  })
}

// `node scripts/lib/nginx-config.mjs docker > scripts/docker/nginx.conf`
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv[2] !== "docker") {
    console.error("用法：node scripts/lib/nginx-config.mjs docker > scripts/docker/nginx.conf")
    process.exit(1)
  }
  process.stdout.write(dockerNginxConfig())
}
