// An independent ActivityPub server built with Fedify, for FediverseFedifyContract: one
// actor, alice (a Person with an RSA key pair made by generateCryptoKeyPair at start-up),
// served by node:http on 127.0.0.1 at an ephemeral port, which is printed on stdout as
// {"port": n} once listening. Fedify answers the ActivityPub routes (actor, inbox, shared
// inbox, followers) and verifies every incoming signature itself (skipSignatureVerification
// stays off); the Java test drives the peer over a JSON control API on the same server:
//   POST /control/lookup   {"resource"}               WebFinger (acct:) + actor document (any
//        actor type: the authors' Person, the publication's Organization)
//   POST /control/follow   {"actor"}                  Follow that actor
//   POST /control/undo-follow {"actor"}               Undo the last Follow of that actor
//   POST /control/reply    {"actor", "inReplyTo", "content"}  Create of a public Note
//   POST /control/like     {"actor", "object"}        Like
//   POST /control/announce {"actor", "object"}        Announce (boost), to Public
//   POST /control/forged   {"inbox", "kind", "spec"}  a Like signed by Fedify's signRequest,
//        then tampered ("tampered"), dated two hours back ("stale") or sent unsigned
//   GET  /control/received                            what the inbox took (Accept, Create, Update,
//        Delete, Announce, Undo), as Fedify parsed it, and the signature style of every
//        request in and out
// Node.js 20 has no Temporal: the polyfill provides it, as in harness.mjs.
// The site's https certificate is trusted through NODE_EXTRA_CA_CERTS (set by the test).
import http from "node:http";
import { createFederation, generateCryptoKeyPair, MemoryKvStore, signRequest } from "@fedify/fedify";
import {
  Accept, Announce, Article, Create, Delete, Endpoints, Follow, Hashtag, Like, Note, Person,
  PUBLIC_COLLECTION, Tombstone, Undo, Update, isActor,
} from "@fedify/fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";

// The signature style of a request: RFC 9421 carries Signature-Input, draft-cavage only Signature.
function style(headers) {
  if (headers.get("signature-input")) return "rfc9421";
  return headers.get("signature") ? "draft-cavage-http-signatures-12" : "unsigned";
}

// Every request Fedify sends goes through the global fetch: record its signature style and
// the answer, to see Fedify's "double knocking" (RFC 9421 first, draft-cavage on refusal).
const sent = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = input instanceof Request ? input : null;
  const headers = new Headers(init?.headers ?? request?.headers);
  const response = await realFetch(input, init);
  sent.push({
    method: init?.method ?? request?.method ?? "GET",
    url: String(request?.url ?? input),
    style: style(headers),
    status: response.status,
    answer: response.ok ? undefined : await response.clone().text(),
  });
  return response;
};

const keys = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const federation = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true });

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== "alice") return null;
    const pairs = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Alice Peer",
      url: new URL("/@alice", ctx.origin),
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      followers: ctx.getFollowersUri(identifier),
      publicKey: pairs[0].cryptographicKey,
      assertionMethods: pairs.map((pair) => pair.multikey),
    });
  })
  .setKeyPairsDispatcher(async (_ctx, identifier) => (identifier === "alice" ? [keys] : []));

// Nobody follows alice here; the collection exists so that an Announce can cc it.
federation.setFollowersDispatcher("/users/{identifier}/followers", async () => ({ items: [] }));

// What the inbox took: only activities whose signatures Fedify verified reach a listener.
const received = [];

async function describe(object) {
  if (object == null) return null;
  const description = {
    type: object.constructor.name,
    id: object.id?.href ?? null,
  };
  // An Undo embeds the Announce it takes back: who announced what (not fetched).
  if (object instanceof Announce) {
    Object.assign(description, {
      actor: object.actorId?.href ?? null,
      objectId: object.objectId?.href ?? null,
      to: object.toIds.map((id) => id.href),
      cc: object.ccIds.map((id) => id.href),
    });
  }
  // A Delete's Tombstone: the former type as an IRI (typeId of the vocabulary class).
  if (object instanceof Tombstone) {
    Object.assign(description, {
      formerTypes: object.formerTypes.map((type) => type.typeId.href),
      deleted: object.deleted?.toString() ?? null,
    });
  }
  if (object instanceof Article || object instanceof Note) {
    const url = object.url;
    const tags = [];
    for await (const tag of object.getTags()) {
      tags.push({ type: tag instanceof Hashtag ? "Hashtag" : tag.constructor.name, name: tag.name?.toString() ?? null, href: tag.href?.href ?? null });
    }
    Object.assign(description, {
      name: object.name?.toString() ?? null,
      url: url instanceof URL ? url.href : url?.href?.href ?? null,
      summary: object.summary?.toString() ?? null,
      content: object.content?.toString() ?? null,
      attributedTo: object.attributionIds.map((id) => id.href),
      to: object.toIds.map((id) => id.href),
      cc: object.ccIds.map((id) => id.href),
      published: object.published?.toString() ?? null,
      tags,
    });
  }
  return description;
}

async function take(ctx, activity) {
  // The object of an Accept is our own Follow, embedded by the other server: Fedify would
  // not trust an embedded object from another origin and fetch its id instead; we may
  // (the test checks that its id is the Follow we sent).
  const crossOrigin = activity instanceof Accept ? "trust" : undefined;
  received.push({
    type: activity.constructor.name,
    id: activity.id?.href ?? null,
    actor: activity.actorId?.href ?? null,
    to: activity.toIds.map((id) => id.href),
    cc: activity.ccIds.map((id) => id.href),
    objectId: activity.objectId?.href ?? null,
    object: await describe(await activity.getObject({ documentLoader: ctx.documentLoader, crossOrigin })),
    receivedAt: Date.now(),
  });
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, take)
  .on(Create, take)
  .on(Update, take)
  .on(Delete, take)
  .on(Announce, take) // its object (a URL) is fetched: the Article, by content negotiation
  .on(Undo, take)
  .onError((_ctx, error) => console.error("inbox listener failed:", error));

// State of the control API.
const actors = new Map(); // actor id -> actor (Person, Organization), as looked up
const follows = new Map(); // actor id -> the last Follow sent to it
let serial = 0;

function origin() {
  return `http://127.0.0.1:${server.address().port}`;
}

async function actor(ctx, id) {
  if (!actors.has(id)) {
    const found = await ctx.lookupObject(id);
    if (!isActor(found)) throw new Error("not an actor: " + id);
    actors.set(id, found);
  }
  return actors.get(id);
}

async function send(ctx, recipient, activity) {
  await ctx.sendActivity({ identifier: "alice" }, recipient, activity, { immediate: true });
  return { id: activity.id.href };
}

const control = {
  async lookup(ctx, body) {
    const jrd = await ctx.lookupWebFinger(body.resource);
    if (jrd == null) throw new Error("WebFinger found nothing for " + body.resource);
    const self = jrd.links?.find((link) => link.rel === "self" && link.type === "application/activity+json");
    const person = await ctx.lookupObject(self.href);
    if (!isActor(person)) throw new Error("not an actor: " + self.href);
    actors.set(person.id.href, person);
    const key = await person.getPublicKey();
    return {
      jrd,
      actor: {
        type: person.constructor.name,
        id: person.id.href,
        name: person.name?.toString() ?? null,
        preferredUsername: person.preferredUsername?.toString() ?? null,
        inbox: person.inboxId?.href ?? null,
        outbox: person.outboxId?.href ?? null,
        followers: person.followersId?.href ?? null,
        sharedInbox: person.endpoints?.sharedInbox?.href ?? null,
        publicKey: key == null ? null : {
          id: key.id?.href ?? null,
          owner: key.ownerId?.href ?? null,
          algorithm: key.publicKey?.algorithm?.name ?? null,
        },
      },
    };
  },
  async follow(ctx, body) {
    const target = await actor(ctx, body.actor);
    const follow = new Follow({
      id: new URL(`/users/alice#follows/${++serial}`, origin()),
      actor: ctx.getActorUri("alice"),
      object: target.id,
    });
    follows.set(target.id.href, follow);
    return send(ctx, target, follow);
  },
  async "undo-follow"(ctx, body) {
    const target = await actor(ctx, body.actor);
    const follow = follows.get(target.id.href);
    return send(ctx, target, new Undo({
      id: new URL(`/users/alice#undo/${++serial}`, origin()),
      actor: ctx.getActorUri("alice"),
      object: follow,
    }));
  },
  async reply(ctx, body) {
    const target = await actor(ctx, body.actor);
    const id = new URL(`/users/alice/notes/${++serial}`, origin());
    const note = new Note({
      id,
      attribution: ctx.getActorUri("alice"),
      content: body.content,
      replyTarget: new URL(body.inReplyTo), // Fedify's name for inReplyTo
      to: PUBLIC_COLLECTION,
      cc: ctx.getFollowersUri("alice"),
      published: Temporal.Now.instant(),
    });
    await send(ctx, target, new Create({
      id: new URL(id.href + "/activity"),
      actor: ctx.getActorUri("alice"),
      object: note,
      tos: [PUBLIC_COLLECTION],
      ccs: [ctx.getFollowersUri("alice")],
    }));
    return { id: id.href };
  },
  async like(ctx, body) {
    const target = await actor(ctx, body.actor);
    return send(ctx, target, new Like({
      id: new URL(`/users/alice#likes/${++serial}`, origin()),
      actor: ctx.getActorUri("alice"),
      object: new URL(body.object),
    }));
  },
  async announce(ctx, body) {
    const target = await actor(ctx, body.actor);
    return send(ctx, target, new Announce({
      id: new URL(`/users/alice/announces/${++serial}`, origin()),
      actor: ctx.getActorUri("alice"),
      object: new URL(body.object),
      to: PUBLIC_COLLECTION,
      cc: ctx.getFollowersUri("alice"),
      published: Temporal.Now.instant(),
    }));
  },
  // A request Broadsheet must refuse: signed by Fedify's signRequest with alice's key, then
  // changed; answered with the status Broadsheet gave.
  async forged(ctx, body) {
    const like = {
      "@context": "https://www.w3.org/ns/activitystreams",
      id: `${origin()}/users/alice#forged/${++serial}`,
      type: "Like",
      actor: ctx.getActorUri("alice").href,
      object: body.object,
    };
    const bytes = new TextEncoder().encode(JSON.stringify(like));
    let request = new Request(body.inbox, {
      method: "POST",
      headers: { "Content-Type": "application/activity+json", Accept: "application/activity+json" },
      body: bytes,
    });
    if (body.kind !== "unsigned") {
      request = await signRequest(request, keys.privateKey, new URL(ctx.getActorUri("alice").href + "#main-key"), {
        spec: body.spec,
        body: bytes.buffer,
        currentTime: body.kind === "stale" ? Temporal.Now.instant().subtract({ hours: 2 }) : undefined,
      });
    }
    const sentBody = body.kind === "tampered"
      ? new TextEncoder().encode(JSON.stringify({ ...like, object: body.object + "?tampered" }))
      : bytes;
    const response = await realFetch(body.inbox, { method: "POST", headers: request.headers, body: sentBody });
    return { status: response.status, style: style(request.headers), answer: await response.text() };
  },
};

const inbound = []; // signature style and answer of every request to our inboxes

const server = http.createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url, `http://${req.headers.host}`);
    const ctx = federation.createContext(new URL(origin()), undefined);
    if (req.method === "GET" && url.pathname === "/control/received") {
      return json(res, 200, { received, inbound, sent });
    }
    if (req.method === "POST" && url.pathname.startsWith("/control/")) {
      const op = control[url.pathname.substring("/control/".length)];
      if (op == null) return json(res, 404, { error: "no such control: " + url.pathname });
      return json(res, 200, await op(ctx, JSON.parse(body.toString("utf8"))));
    }
    // Everything else is Fedify's: the URL as the sender addressed it (Host header), so
    // that the signed target and authority are the ones verified.
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value]]),
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    const response = await federation.fetch(request, { contextData: undefined });
    if (req.method === "POST") {
      inbound.push({ path: url.pathname, style: style(request.headers), status: response.status });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    json(res, 500, { error: String(error?.stack ?? error) });
  }
});

function json(res, status, value) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(value));
}

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n");
});
