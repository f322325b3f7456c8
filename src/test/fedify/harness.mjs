// The Fedify peer of the Java signature tests (HttpSignaturesFedifyTest): reads one JSON
// object from standard input, {"jobs": [...]}, runs each job with Fedify's own HTTP
// signature code and writes {"results": [...]} to standard output.
//   {"op": "sign", "spec": "draft-cavage-http-signatures-12" | "rfc9421",
//    "privateKey": base64 PKCS#8 (RSA), "keyId", "method", "url", "headers": {..},
//    "body": base64, "currentTime"?: ISO instant}
//     -> {"headers": [[name, value], ...]}
//   {"op": "verify", "publicKeyPem": SPKI PEM (RSA), "keyId", "owner", "method", "url",
//    "headers": [[name, value], ...], "body": base64, "currentTime"?: ISO instant}
//     -> {"verified": keyId or null, "reason": failure type or null}
// The verifier fetches the signer's actor document through a documentLoader (an option of
// verifyRequest) that serves it from the job, so no network is used.
import { signRequest, verifyRequestDetailed } from "@fedify/fedify";
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
  // The signer's actor document, as its server would serve it at the key id's address:
  // Fedify fetches it through this document loader (first, and again after a failure).
  const actor = {
    "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
    id: job.owner,
    type: "Person",
    inbox: job.owner + "/inbox",
    publicKey: { id: job.keyId, owner: job.owner, publicKeyPem: job.publicKeyPem },
  };
  const documentLoader = async (url) => {
    if (url === job.owner || url === job.keyId) {
      return { contextUrl: null, documentUrl: job.owner, document: actor };
    }
    throw new Error("no network in this test: " + url);
  };
  const body = bytes(job.body);
  const request = new Request(job.url, {
    method: job.method,
    headers: job.headers,
    body: body.length > 0 ? body : undefined,
  });
  const result = await verifyRequestDetailed(request, {
    documentLoader,
    currentTime: job.currentTime ? Temporal.Instant.from(job.currentTime) : undefined,
  });
  return result.verified
    ? { verified: result.key.id.href, owner: result.key.ownerId?.href ?? null, reason: null }
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
