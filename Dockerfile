# The wangge app image; docker-compose.yml runs it beside PostGIS.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsx web/build-if-stale.ts
ENV PORT=8080
EXPOSE 8080
CMD ["npx", "tsx", "api/server.ts"]
