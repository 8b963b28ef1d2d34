/**
 * Readiness for the load balancer and the orchestrator, beside Strapi's own liveness
 * (`/_health`, no dependency checked). Public and cheap: one `select 1`.
 */
export default {
  routes: [
    {
      method: "GET",
      path: "/health/ready",
      handler: "health.ready",
      config: { auth: false, policies: [], middlewares: [] },
    },
  ],
}
