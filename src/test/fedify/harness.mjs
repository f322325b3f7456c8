// The Fedify peer of the Java signature tests (HttpSignaturesFedifyTest): reads one JSON
// object from standard input, {"jobs": [...]}, runs each job with Fedify's own HTTP
// signature code and writes {"results": [...]} to standard output.
//   {"op": "sign", "spec": "draft-cavage-http-signatures-12" | "rfc9421",
//    "privateKey": base64 PKCS#8 (RSA), "keyId", "method", "url", "headers": {..},
//    "body": base64, "currentTime"?: ISO instant}
//     -> {"headers": [[name, value], ...]}
//   {"op": "verify", "publicKey": base64 SPKI (RSA), "keyId", "owner", "method", "url",
//    "headers": [[name, value], ...], "body": base64, "currentTime"?: ISO instant}
//     -> {"verified": keyId or null, "reason": failure type or null}
// The verifier gets the key from a keyCache (a documented option of verifyRequest), so no
// network is used.
import { signRequest, verifyRequestDetailed } from "@fedify/fedify";
import { CryptographicKey } from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";

const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };

function bytes(base64) {
  return Buffer.from(base64 ?? "", "base64");
}

async function sign(job) {
  const key = await crypto.subtle.importKey("pkcs8", bytes(job.privateKey), RSA, true, ["sign"]);
  const body = bytes(job.body);
  const hasBody = body.length > 0;
  let request = new Request(job.url, {
    method: job.method,
    headers: job.headers ?? {},
    body: hasBody ? body : undefined,
  });
  request = await signRequest(request, key, new URL(job.keyId), {
    spec: job.spec,
    body: hasBody ? body.buffer.slice(body.byteOffset, body.byteOffset + body.length) : null,
    currentTime: job.currentTime ? Temporal.Instant.from(job.currentTime) : undefined,
  });
  return { headers: [...request.headers] };
}

async function verify(job) {
  const publicKey = await crypto.subtle.importKey("spki", bytes(job.publicKey), RSA, true, ["verify"]);
  const key = new CryptographicKey({ id: new URL(job.keyId), owner: new URL(job.owner), publicKey });
  const keyCache = {
    async get(id) {
      return id.href === job.keyId ? key : undefined;
    },
    async set() {},
  };
  const body = bytes(job.body);
  const request = new Request(job.url, {
    method: job.method,
    headers: job.headers,
    body: body.length > 0 ? body : undefined,
  });
  const result = await verifyRequestDetailed(request, {
    keyCache,
    currentTime: job.currentTime ? Temporal.Instant.from(job.currentTime) : undefined,
  });
  return result.verified
    ? { verified: result.key.id.href, reason: null }
    : { verified: null, reason: result.reason?.type ?? "unknown" };
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const job of JSON.parse(input).jobs) {
  try {
    results.push(job.op === "sign" ? await sign(job) : await verify(job));
  } catch (error) {
    results.push({ error: String(error?.stack ?? error) });
  }
}
process.stdout.write(JSON.stringify({ results }));
