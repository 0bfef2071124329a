# CongDoan: the GraphQL API and the admin panel in one Node process (see docker-compose.yml).

# Build: all dependencies (better-sqlite3 compiles from source, hence python3/make/g++),
# the server (tsc) and the admin panel (Vite), then drop the dev dependencies.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && node admin/build.js \
 && npm prune --omit=dev --no-audit --no-fund

# Run: node_modules (already compiled for this same base image), the compiled server, the panel.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/admin/dist ./admin/dist
# data/ holds the embedded SQLite file when DATABASE_URL is unset; the server runs as `node`.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/main.js"]
