// A lean HTTP client for load: node:http with keep-alive sockets. fetch() (undici) costs several
// times the CPU per request, and the load generator shares the machine's cores with the server.
import http from 'node:http'

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** POSTs `body` as JSON; resolves to the status once the answer is read to its end. */
export function postJson(url: string, headers: Record<string, string>, body: string): Promise<number> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', agent,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
