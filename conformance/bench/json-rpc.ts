/** A minimal JSON-RPC 2.0 client over HTTP, for a node on this machine's loopback interface. */
import { request } from "node:http";

export class JsonRpcError extends Error {
  readonly code = "JSON_RPC";
}

export class JsonRpcClient {
  #nextId = 1;

  constructor(readonly url: string) {
    const host = new URL(url).hostname;
    if (host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]") {
      throw new JsonRpcError(`only loopback JSON-RPC endpoints are allowed, got ${url}`);
    }
  }

  call(method: string, params: readonly unknown[]): Promise<unknown> {
    const body = JSON.stringify({ jsonrpc: "2.0", id: this.#nextId++, method, params });
    return new Promise((resolve, reject) => {
      const req = request(this.url, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          try {
            const reply = JSON.parse(text) as { result?: unknown; error?: { message?: string } };
            if (reply.error !== undefined) reject(new JsonRpcError(`${method}: ${reply.error.message ?? JSON.stringify(reply.error)}`));
            else resolve(reply.result);
          } catch {
            reject(new JsonRpcError(`${method}: the reply is not JSON: ${text.slice(0, 200)}`));
          }
        });
      });
      req.on("error", (error) => reject(new JsonRpcError(`${method}: ${error.message}`)));
      req.end(body);
    });
  }
}
