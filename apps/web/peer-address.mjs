// Preloaded into the web server (`node --import ./peer-address.mjs next start`): stamps every
// request with the address of the socket it came in on, before Next.js reads it. Next.js only fills
// X-Forwarded-For when the client sent none, so without this stamp a forged header would be
// indistinguishable from the real peer; see src/server/client-address.ts for how it is read.
import http from "node:http";
import https from "node:https";

const PEER_HEADER = "x-mutuo-peer";

function stamped(listener) {
  return function stampPeer(req, res) {
    req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    return listener.call(this, req, res);
  };
}

for (const mod of [http, https]) {
  const createServer = mod.createServer;
  mod.createServer = function (...args) {
    const i = args.findIndex((a) => typeof a === "function");
    if (i >= 0) args[i] = stamped(args[i]);
    return createServer.apply(this, args);
  };
}
