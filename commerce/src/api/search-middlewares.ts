import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { SearchQuery } from "./store/search/validators"

/** Site search is public: the publishable key is all a shopper needs. */
export const searchMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/search",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(SearchQuery, {})],
  },
]
